package io.kibly.engine.domain.model.enrichment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a {@link CategoriserModel} from labelled transactions: it counts, for each label, its examples and how often
 * each token occurs in them. One pass over the examples, then one sort of the (token, label) occurrences; no
 * per-token or per-label collections.
 */
public final class CategoriserTraining {

    private CategoriserTraining() {
    }

    /**
     * @param version given by the caller, to tell this model from the tenant's earlier ones
     * @return a model of the examples; an empty one (predicting nothing) when there are none
     */
    public static CategoriserModel train(long version, List<LabelledSubject> examples) {
        Occurrences occurrences = new Occurrences(examples.size() * 8);
        Map<String, Integer> labelIds = new HashMap<>();
        List<String> labelNames = new ArrayList<>();
        int[] exampleLabel = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            LabelledSubject example = examples.get(i);
            int label = labelIds.computeIfAbsent(example.label(), name -> {
                labelNames.add(name);
                return labelNames.size() - 1;
            });
            exampleLabel[i] = label;
            occurrences.label = label;
            SubjectFeatures.forEach(example.subject(), occurrences);
        }

        // The model keeps labels and tokens in alphabetical order, so that equal training gives an equal model.
        String[] labels = labelNames.toArray(String[]::new);
        Arrays.sort(labels);
        int[] labelRank = rank(labels, labelIds);
        String[] vocabulary = occurrences.tokenNames.toArray(String[]::new);
        Arrays.sort(vocabulary);
        int[] tokenRank = rank(vocabulary, occurrences.tokenIds);

        int[] labelExamples = new int[labels.length];
        for (int label : exampleLabel) {
            labelExamples[labelRank[label]]++;
        }

        long[] keys = occurrences.keys;
        int size = occurrences.size;
        for (int i = 0; i < size; i++) {
            keys[i] = key(tokenRank[(int) (keys[i] >>> 32)], labelRank[(int) keys[i]]);
        }
        Arrays.sort(keys, 0, size);

        // Runs of equal keys are the count of one token with one label, ordered by token then label.
        int[] postingStart = new int[vocabulary.length + 1];
        int[] postingLabel = new int[size];
        int[] postingCount = new int[size];
        int postings = 0;
        int previousToken = -1;
        for (int i = 0; i < size;) {
            int run = i + 1;
            while (run < size && keys[run] == keys[i]) {
                run++;
            }
            int token = (int) (keys[i] >>> 32);
            while (previousToken < token) {
                postingStart[++previousToken] = postings;
            }
            postingLabel[postings] = (int) keys[i];
            postingCount[postings] = run - i;
            postings++;
            i = run;
        }
        while (previousToken < vocabulary.length) {
            postingStart[++previousToken] = postings;
        }
        return new CategoriserModel(version, labels, labelExamples, vocabulary, postingStart,
                Arrays.copyOf(postingLabel, postings), Arrays.copyOf(postingCount, postings));
    }

    /** The subjects the provider has categorised, labelled with its account code: the usual training set. */
    public static List<LabelledSubject> labelledByProviderAccount(Collection<EnrichmentSubject> subjects) {
        return subjects.stream()
                .filter(subject -> subject.providerAccountCode() != null && !subject.providerAccountCode().isBlank())
                .map(subject -> new LabelledSubject(subject, subject.providerAccountCode()))
                .toList();
    }

    private static long key(int token, int label) {
        return ((long) token << 32) | label;
    }

    private static int[] rank(String[] sorted, Map<String, Integer> ids) {
        int[] rank = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            rank[ids.get(sorted[i])] = i;
        }
        return rank;
    }

    /** Every token occurrence of the examples as a (token id, label id) key, in first-seen ids. */
    private static final class Occurrences implements Consumer<String> {
        private final Map<String, Integer> tokenIds = new HashMap<>();
        private final List<String> tokenNames = new ArrayList<>();
        private long[] keys;
        private int size;
        private int label;

        Occurrences(int expected) {
            keys = new long[Math.max(expected, 16)];
        }

        @Override
        public void accept(String token) {
            Integer id = tokenIds.get(token);
            if (id == null) {
                id = tokenNames.size();
                tokenIds.put(token, id);
                tokenNames.add(token);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key(id, label);
        }
    }
}
