package banban.kb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One question-and-answer pair of the knowledge base, as administrators edit it and as it is stored.
 *
 * @param id stable id with a category prefix (biz-001); evaluation sets refer to entries by it
 * @param category the category shown to citizens and administrators
 * @param department the unit that owns the answer, shown as its source
 * @param question the standard question (标准问)
 * @param similar other ways citizens ask the same thing (相似问)
 * @param answer the answer text
 * @param keywords key terms that characterise the entry
 * @param status only {@link Status#PUBLISHED} entries are answered with
 * @param version incremented by the repository on every change
 * @param updatedAt time of the last change
 */
public record FaqEntry(
    String id,
    String category,
    String department,
    String question,
    List<String> similar,
    String answer,
    List<String> keywords,
    Status status,
    int version,
    Instant updatedAt) {

  public enum Status {
    PUBLISHED,
    DRAFT
  }

  public FaqEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    category = category == null ? "" : category;
    department = department == null ? "" : department;
    similar = similar == null ? List.of() : List.copyOf(similar);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    status = status == null ? Status.PUBLISHED : status;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }

  /** A published entry at version 1, the shape of a seed line. */
  public static FaqEntry published(
      String id, String category, String department, String question, List<String> similar, String answer,
      List<String> keywords) {
    return new FaqEntry(id, category, department, question, similar, answer, keywords, Status.PUBLISHED, 1, null);
  }

  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  /** The standard question followed by the similar ones: what a citizen's question is compared with. */
  public List<String> questions() {
    List<String> all = new ArrayList<>(similar.size() + 1);
    all.add(question);
    all.addAll(similar);
    return all;
  }

  public FaqEntry withAnswer(String newAnswer) {
    return new FaqEntry(id, category, department, question, similar, newAnswer, keywords, status, version, updatedAt);
  }

  public FaqEntry withVersion(int newVersion, Instant newUpdatedAt) {
    return new FaqEntry(id, category, department, question, similar, answer, keywords, status, newVersion, newUpdatedAt);
  }
}
