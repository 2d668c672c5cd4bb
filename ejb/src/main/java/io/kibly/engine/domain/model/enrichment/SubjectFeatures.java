package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The features the categoriser sees in a transaction, as tokens: the lower-cased words of description and reference
 * (runs of letters and digits, at least two characters, not all digits), then {@code contact:<id or name>},
 * {@code type:<type>}, {@code dir:<direction>} and {@code amount:<bucket>}. Words hold no colon, so they never collide
 * with the prefixed tokens.
 */
final class SubjectFeatures {

    private SubjectFeatures() {
    }

    /** Hands each token to the sink, repeated words as often as they occur (the model is multinomial). */
    static void forEach(EnrichmentSubject subject, Consumer<String> sink) {
        words(subject.description(), sink);
        words(subject.reference(), sink);
        String contact = contact(subject);
        if (contact != null) {
            sink.accept("contact:" + contact);
        }
        sink.accept("type:" + subject.type().toLowerCase(Locale.ROOT));
        sink.accept("dir:" + subject.direction().toLowerCase(Locale.ROOT));
        sink.accept("amount:" + amountBucket(subject.total()));
    }

    static List<String> of(EnrichmentSubject subject) {
        List<String> tokens = new ArrayList<>();
        forEach(subject, tokens::add);
        return tokens;
    }

    /** The power-of-two magnitude of the total: floor(log2(total + 1)), so 0 → 0, 1 → 1, 3 → 2, 100 → 6. */
    static int amountBucket(BigDecimal total) {
        // For x >= 1, floor(log2(x)) = floor(log2(floor(x))) = bitLength(floor(x)) - 1: exact, no doubles.
        return total.add(BigDecimal.ONE).toBigInteger().bitLength() - 1;
    }

    // The contact's id is stable across renames; its name is the fallback when the provider gave no id.
    private static String contact(EnrichmentSubject subject) {
        if (subject.contactId() != null && !subject.contactId().isBlank()) {
            return subject.contactId();
        }
        if (subject.contactName() != null && !subject.contactName().isBlank()) {
            return subject.contactName().strip().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static void words(String text, Consumer<String> sink) {
        if (text == null) {
            return;
        }
        int start = -1;
        int length = text.length();
        for (int i = 0; i < length;) {
            int codePoint = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                word(text, start, i, sink);
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            word(text, start, length, sink);
        }
    }

    private static void word(String text, int start, int end, Consumer<String> sink) {
        if (end - start < 2 || allDigits(text, start, end)) {
            return;
        }
        sink.accept(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static boolean allDigits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
