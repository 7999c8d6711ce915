package banban.kb.store;

/** Every statement on the faq table, in one place, with $n placeholders for preparedQuery. */
final class FaqSql {

  private FaqSql() {}

  static final String COLUMNS = "id, category, department, question, similar_questions, answer, keywords, status, version, updated_at";

  static final String LIST_PUBLISHED = "SELECT " + COLUMNS + " FROM faq WHERE status = 'published' ORDER BY id";

  static final String LIST_ALL = "SELECT " + COLUMNS + " FROM faq ORDER BY id";

  static final String GET = "SELECT " + COLUMNS + " FROM faq WHERE id = $1";

  static final String COUNT = "SELECT count(*) FROM faq";

  static final String DELETE = "DELETE FROM faq WHERE id = $1";

  /** Insert at version 1, or overwrite and bump the version; returns the stored row. */
  static final String UPSERT = """
      INSERT INTO faq (id, category, department, question, similar_questions, answer, keywords, status, version, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now())
      ON CONFLICT (id) DO UPDATE SET
        category = EXCLUDED.category, department = EXCLUDED.department, question = EXCLUDED.question,
        similar_questions = EXCLUDED.similar_questions, answer = EXCLUDED.answer, keywords = EXCLUDED.keywords,
        status = EXCLUDED.status, version = faq.version + 1, updated_at = now()
      RETURNING """ + " " + COLUMNS;

  /**
   * The upsert of an import: rows whose content is unchanged are left alone, so re-importing the same
   * file neither bumps versions nor sends a NOTIFY storm to every instance.
   */
  static final String IMPORT_UPSERT = """
      INSERT INTO faq (id, category, department, question, similar_questions, answer, keywords, status, version, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now())
      ON CONFLICT (id) DO UPDATE SET
        category = EXCLUDED.category, department = EXCLUDED.department, question = EXCLUDED.question,
        similar_questions = EXCLUDED.similar_questions, answer = EXCLUDED.answer, keywords = EXCLUDED.keywords,
        status = EXCLUDED.status, version = faq.version + 1, updated_at = now()
      WHERE (faq.category, faq.department, faq.question, faq.similar_questions, faq.answer, faq.keywords, faq.status)
        IS DISTINCT FROM (EXCLUDED.category, EXCLUDED.department, EXCLUDED.question, EXCLUDED.similar_questions,
                          EXCLUDED.answer, EXCLUDED.keywords, EXCLUDED.status)""";

  /** Import replaces the table: rows absent from the file are removed (in the same transaction). */
  static final String DELETE_NOT_IN = "DELETE FROM faq WHERE NOT (id = ANY($1))";
}
