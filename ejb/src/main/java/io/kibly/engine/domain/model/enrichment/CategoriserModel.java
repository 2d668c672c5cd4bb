package io.kibly.engine.domain.model.enrichment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A trained multinomial naive Bayes categoriser: predicts a transaction's label (a provider account code) from its
 * {@linkplain SubjectFeatures features}, with add-one (Laplace) smoothing over the vocabulary and the labels' share
 * of the training examples as prior. Tokens never seen in training are ignored. Immutable and safe to share.
 * <p>
 * It keeps the training counts, not probabilities, so that its {@linkplain #toStoredForm() stored form} is exact and
 * small: for each token only the labels it occurred with (most tokens occur with few labels).
 */
public final class CategoriserModel {

    private static final String STORED_FORM_HEADER = "kibly-naive-bayes 1";

    private final long version;
    private final String[] labels;
    private final int[] labelExamples;
    private final long[] labelTokens;
    private final String[] vocabulary;
    private final Map<String, Integer> tokenIndex;
    // The (label, count) pairs of token t are at [postingStart[t], postingStart[t + 1]), by increasing label.
    private final int[] postingStart;
    private final int[] postingLabel;
    private final int[] postingCount;
    private final int exampleCount;

    private final double[] logPrior;
    private final double[] logSmoothedLabelTokens;
    private final double[] logSmoothedCount;

    /**
     * @param labels        distinct, in increasing order
     * @param vocabulary    distinct, in increasing order
     * @param postingStart  for each token where its postings start, plus their end
     */
    CategoriserModel(long version, String[] labels, int[] labelExamples, String[] vocabulary, int[] postingStart,
            int[] postingLabel, int[] postingCount) {
        requireIncreasing(labels, "label");
        requireIncreasing(vocabulary, "token");
        if (labelExamples.length != labels.length || postingStart.length != vocabulary.length + 1
                || postingStart[0] != 0 || postingStart[vocabulary.length] != postingLabel.length
                || postingCount.length != postingLabel.length) {
            throw new IllegalArgumentException("Inconsistent categoriser model sizes");
        }
        this.version = version;
        this.labels = labels;
        this.labelExamples = labelExamples;
        this.vocabulary = vocabulary;
        this.postingStart = postingStart;
        this.postingLabel = postingLabel;
        this.postingCount = postingCount;

        int examples = 0;
        for (int count : labelExamples) {
            if (count <= 0) {
                throw new IllegalArgumentException("Every label needs at least one example");
            }
            examples += count;
        }
        this.exampleCount = examples;

        this.labelTokens = new long[labels.length];
        this.logSmoothedCount = new double[postingLabel.length];
        this.tokenIndex = new HashMap<>(vocabulary.length * 4 / 3 + 1);
        for (int token = 0; token < vocabulary.length; token++) {
            tokenIndex.put(vocabulary[token], token);
            if (postingStart[token + 1] <= postingStart[token]) {
                throw new IllegalArgumentException("The token '" + vocabulary[token] + "' occurs with no label");
            }
            for (int p = postingStart[token]; p < postingStart[token + 1]; p++) {
                int label = postingLabel[p];
                if (label < 0 || label >= labels.length || (p > postingStart[token] && label <= postingLabel[p - 1])
                        || postingCount[p] <= 0) {
                    throw new IllegalArgumentException("Invalid counts for the token '" + vocabulary[token] + "'");
                }
                labelTokens[label] += postingCount[p];
                logSmoothedCount[p] = Math.log(postingCount[p] + 1.0);
            }
        }

        this.logPrior = new double[labels.length];
        this.logSmoothedLabelTokens = new double[labels.length];
        for (int label = 0; label < labels.length; label++) {
            logPrior[label] = Math.log((double) labelExamples[label] / exampleCount);
            logSmoothedLabelTokens[label] = Math.log((double) labelTokens[label] + vocabulary.length);
        }
    }

    /** A model that has learnt nothing and predicts nothing. */
    public static CategoriserModel empty(long version) {
        return new CategoriserModel(version, new String[0], new int[0], new String[0], new int[] {0}, new int[0],
                new int[0]);
    }

    /**
     * The most probable label with its posterior probability; empty when the model has no labels. Of labels equally
     * probable, the first in alphabetical order.
     */
    public Optional<Prediction> predict(EnrichmentSubject subject) {
        if (labels.length == 0) {
            return Optional.empty();
        }
        // log P(label) + sum over the known tokens of log((count(token, label) + 1) / (tokens(label) + |V|)),
        // summing only the labels each token occurred with: every other label adds log(1) = 0 for that token.
        Scores scores = new Scores(logPrior.clone());
        SubjectFeatures.forEach(subject, scores);
        double[] logJoint = scores.logJoint;
        int best = 0;
        for (int label = 0; label < labels.length; label++) {
            logJoint[label] -= scores.knownTokens * logSmoothedLabelTokens[label];
            if (logJoint[label] > logJoint[best]) {
                best = label;
            }
        }
        // P(best | x) = 1 / sum over labels of exp(logJoint[label] - logJoint[best]): log-sum-exp around the
        // maximum, so no term overflows and the best one is exactly 1.
        double sum = 0;
        for (double value : logJoint) {
            sum += Math.exp(value - logJoint[best]);
        }
        return Optional.of(new Prediction(labels[best], 1.0 / sum));
    }

    private final class Scores implements Consumer<String> {
        private final double[] logJoint;
        private int knownTokens;

        Scores(double[] logJoint) {
            this.logJoint = logJoint;
        }

        @Override
        public void accept(String token) {
            Integer index = tokenIndex.get(token);
            if (index == null) {
                return;
            }
            knownTokens++;
            for (int p = postingStart[index]; p < postingStart[index + 1]; p++) {
                logJoint[postingLabel[p]] += logSmoothedCount[p];
            }
        }
    }

    /** Given by whoever trained it; a newer model of a tenant has a higher version. */
    public long version() {
        return version;
    }

    public int labelCount() {
        return labels.length;
    }

    public int exampleCount() {
        return exampleCount;
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    /** The labels it can predict, in alphabetical order. */
    public List<String> labels() {
        return List.of(labels);
    }

    public boolean isEmpty() {
        return labels.length == 0;
    }

    /**
     * The model as text, to be stored and read back by {@link #fromStoredForm}: a header line, the version, the
     * labels with their example counts, then one line per token with its {@code label:count} pairs. Labels and tokens
     * are escaped so that they hold no space or line break. The same model always gives the same text.
     */
    public String toStoredForm() {
        StringBuilder text = new StringBuilder(64 + vocabulary.length * 24);
        text.append(STORED_FORM_HEADER).append('\n');
        text.append("version ").append(version).append('\n');
        text.append("labels ").append(labels.length).append('\n');
        for (int label = 0; label < labels.length; label++) {
            escape(labels[label], text);
            text.append(' ').append(labelExamples[label]).append('\n');
        }
        text.append("tokens ").append(vocabulary.length).append('\n');
        for (int token = 0; token < vocabulary.length; token++) {
            escape(vocabulary[token], text);
            for (int p = postingStart[token]; p < postingStart[token + 1]; p++) {
                text.append(' ').append(postingLabel[p]).append(':').append(postingCount[p]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Reads a model written by {@link #toStoredForm()}; anything else is refused with an IllegalArgumentException. */
    public static CategoriserModel fromStoredForm(String storedForm) {
        try {
            return parse(storedForm.split("\n", -1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a stored categoriser model: " + e.getMessage(), e);
        }
    }

    private static CategoriserModel parse(String[] lines) {
        int line = 0;
        if (!STORED_FORM_HEADER.equals(lines[line++])) {
            throw new IllegalArgumentException("unknown header");
        }
        long version = Long.parseLong(field(lines[line++], "version"));
        String[] labels = new String[size(field(lines[line++], "labels"), lines.length - line)];
        int[] labelExamples = new int[labels.length];
        for (int label = 0; label < labels.length; label++) {
            String[] parts = lines[line++].split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("bad label line " + line);
            }
            labels[label] = unescape(parts[0]);
            labelExamples[label] = Integer.parseInt(parts[1]);
        }
        String[] vocabulary = new String[size(field(lines[line++], "tokens"), lines.length - line)];
        int[] postingStart = new int[vocabulary.length + 1];
        int postings = 0;
        for (int token = 0; token < vocabulary.length; token++) {
            postings += countOf(' ', lines[line + token]);
        }
        int[] postingLabel = new int[postings];
        int[] postingCount = new int[postings];
        int p = 0;
        for (int token = 0; token < vocabulary.length; token++) {
            String[] parts = lines[line++].split(" ", -1);
            vocabulary[token] = unescape(parts[0]);
            postingStart[token] = p;
            for (int i = 1; i < parts.length; i++, p++) {
                int colon = parts[i].indexOf(':');
                postingLabel[p] = Integer.parseInt(parts[i].substring(0, colon));
                postingCount[p] = Integer.parseInt(parts[i].substring(colon + 1));
            }
        }
        postingStart[vocabulary.length] = p;
        if (line != lines.length - 1 || !lines[line].isEmpty()) {
            throw new IllegalArgumentException("unexpected text after the last token");
        }
        return new CategoriserModel(version, labels, labelExamples, vocabulary, postingStart, postingLabel,
                postingCount);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected '" + name + "'");
        }
        return line.substring(name.length() + 1);
    }

    // A count is checked against the lines left before anything is allocated for it.
    private static int size(String count, int linesLeft) {
        int size = Integer.parseInt(count);
        if (size < 0 || size > linesLeft) {
            throw new IllegalArgumentException("a count of " + count + " with " + linesLeft + " lines left");
        }
        return size;
    }

    private static int countOf(char wanted, String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

    // Contact names and types are provider text: they may hold spaces, line breaks or backslashes.
    private static void escape(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case ' ' -> text.append("\\s");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static String unescape(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty label or token");
        }
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = value.charAt(++i);
            text.append(switch (escaped) {
                case '\\' -> '\\';
                case 's' -> ' ';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException("bad escape \\" + escaped);
            });
        }
        return text.toString();
    }

    private static void requireIncreasing(String[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isEmpty() || (i > 0 && values[i - 1].compareTo(values[i]) >= 0)) {
                throw new IllegalArgumentException("The " + what + "s must be distinct, non-empty and sorted");
            }
        }
    }

    @Override
    public String toString() {
        return "CategoriserModel[version=" + version + ", labels=" + labels.length + ", examples=" + exampleCount
                + ", vocabulary=" + vocabulary.length + "]";
    }
}
