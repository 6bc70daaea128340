package dev.cam.plugin.api.route;

import dev.cam.api.AgentOptions;
import dev.cam.api.Machine;
import dev.cam.api.RunRequest;
import java.util.Map;

/**
 * Body of {@code POST /api/agents}.
 *
 * @param tool tool id (required)
 * @param prompt the task
 * @param context context name, or give {@code cwd}
 * @param cwd working directory when no context is given
 * @param machine remote machine, or null for this one
 * @param name human name
 * @param timeout total timeout, e.g. {@code 30m}
 * @param idleTimeout idle timeout
 * @param retries retries after a failure; unset: {@code retry.max}
 * @param autoConfirm whether CAM may answer permission prompts; unset: {@code
 *     tools.<id>.auto_confirm}, else {@code monitor.auto_confirm}
 * @param env extra environment
 */
record RunBody(
    String tool,
    String prompt,
    String context,
    String cwd,
    MachineBody machine,
    String name,
    String timeout,
    String idleTimeout,
    Integer retries,
    Boolean autoConfirm,
    Map<String, String> env) {

  RunRequest toRequest() {
    AgentOptions options =
        new AgentOptions(
            DurationText.parse("timeout", timeout),
            DurationText.parse("idle_timeout", idleTimeout),
            retries,
            autoConfirm,
            env);
    Machine where = machine == null ? null : machine.toMachine();
    return new RunRequest(tool, prompt, context, cwd, where, name, options);
  }

  /**
   * A remote machine.
   *
   * @param host host name or ssh alias (required)
   * @param user login name
   * @param port ssh port, 0 for the default
   * @param keyFile private key file
   */
  record MachineBody(String host, String user, Integer port, String keyFile) {
    Machine toMachine() {
      return Machine.remote(host, user, port == null ? 0 : port, keyFile);
    }
  }
}
