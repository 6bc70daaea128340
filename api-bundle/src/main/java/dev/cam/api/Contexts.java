package dev.cam.api;

import java.util.List;

/** Named contexts, as stored. Threading: safe from any thread and process. */
public interface Contexts {
  List<Context> list();

  /**
   * @throws NotFoundException when there is no context of that name
   */
  Context get(String name);

  /**
   * @throws InvalidInputException when the name is taken
   */
  Context add(Context context);

  /** Replaces the context of the same name. @throws NotFoundException when there is none */
  Context update(Context context);

  /**
   * @throws NotFoundException when there is no context of that name
   */
  void remove(String name);
}
