/**
 * tmux command lines, shared by every transport that drives tmux (on this machine, or remotely over
 * SSH): {@link dev.cam.plugin.tmux.command.TmuxCommands} builds the argument vectors, {@link
 * dev.cam.plugin.tmux.command.KeyNames} and {@link dev.cam.plugin.tmux.command.TextInput} plan
 * input, {@link dev.cam.plugin.tmux.command.SessionCommand} creates sessions and {@link
 * dev.cam.plugin.tmux.command.TmuxResult} reads what tmux answered. Nothing here runs a process.
 */
package dev.cam.plugin.tmux.command;
