package dev.cam.plugin.cli.system;

import dev.cam.plugin.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cam completion bash|zsh}: a completion script from picocli's generator, for every command.
 * zsh runs the bash script through {@code bashcompinit}.
 */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script: source <(cam completion bash), or for zsh",
      "cam completion zsh > \"${fpath[1]}/_cam\"."
    })
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  enum Shell {
    bash,
    zsh
  }

  @Override
  public Integer call() {
    // The registry gives this command the whole tree, as it does for help.
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("cam", root);
    if (shell == Shell.zsh) {
      script = "#compdef cam\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
