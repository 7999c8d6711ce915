package banban.kb;

import java.util.List;
import java.util.stream.Collectors;

/** A JSONL file with bad lines: carries every problem, so nothing of the file is applied. */
public final class FaqImportException extends RuntimeException {

  /** One bad line: its 1-based number and what is wrong with it. */
  public record LineError(int line, String problem) {
    @Override
    public String toString() {
      return "line " + line + ": " + problem;
    }
  }

  private final transient List<LineError> errors;

  public FaqImportException(List<LineError> errors) {
    super(errors.size() + " bad line(s): "
        + errors.stream().limit(20).map(LineError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<LineError> errors() {
    return errors;
  }
}
