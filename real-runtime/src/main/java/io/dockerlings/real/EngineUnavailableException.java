package io.dockerlings.real;

/** No Docker engine answered; the message says where dockerlings looked and what to do. */
public final class EngineUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
