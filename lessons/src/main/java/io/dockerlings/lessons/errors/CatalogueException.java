package io.dockerlings.lessons.errors;

/** A catalogue of errors that cannot be used, with the file, the entry and what is wrong. */
public final class CatalogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error naming where in the catalogue the problem is. */
  public CatalogueException(String message) {
    super(message);
  }

  /** An error naming where in the catalogue the problem is, caused by {@code cause}. */
  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
