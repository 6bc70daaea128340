package dev.cam.plugin.generic;

/** How the prompt reaches the tool. */
public enum PromptDelivery {
  /** On the command line, through {@code prompt_args}. */
  ARGUMENT,
  /** Typed into the tool's input once it is ready. */
  TYPED
}
