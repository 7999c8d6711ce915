package banban.connectors.http;

/** A failure with the HTTP status and error code the client should get; raised with ctx.fail(...). */
public final class HttpError extends RuntimeException {
  private final int status;
  private final String code;

  public HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, "bad_request", message);
  }

  public static HttpError forbidden(String message) {
    return new HttpError(403, "forbidden", message);
  }

  public static HttpError conflict(String message) {
    return new HttpError(409, "conflict", message);
  }

  public static HttpError notFound(String message) {
    return new HttpError(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
