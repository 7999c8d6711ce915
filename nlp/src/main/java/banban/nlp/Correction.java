package banban.nlp;

/** A term in the citizen's text replaced by a knowledge-base term it most likely meant. */
public record Correction(String from, String to) {}
