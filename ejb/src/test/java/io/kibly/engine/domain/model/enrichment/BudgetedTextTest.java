package io.kibly.engine.domain.model.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The budget bounds a catastrophic pattern (built past the safety check), loosely timed: seconds, not ms. */
class BudgetedTextTest {

    private static final Duration LOOSELY = Duration.ofSeconds(2);
    private static final long FIFTY_MS = Duration.ofMillis(50).toNanos();

    @ParameterizedTest
    @ValueSource(strings = {"Consulting services", "Payment to supplier alpha banana",
            "aaaaaaaaaaaaaaaaaaaaaaaaa", "Telephone & internet"})
    void aCatastrophicPatternOnARealisticDescriptionStopsAtItsBudget(String description) {
        // ((.+)+)+\1x took 22.6 s on "Consulting services" without a budget
        TextMatch catastrophic = TextMatch.restore(TextMatch.Mode.REGEX, "((.+)+)+\\1x");
        MatchBudget budget = new MatchBudget(Duration.ofMillis(50), Duration.ofSeconds(10));
        MatchBudgetExceededException overrun = assertTimeoutPreemptively(LOOSELY,
                () -> assertThrows(MatchBudgetExceededException.class, () -> catastrophic.matches(description, budget)));
        assertEquals(50, overrun.budgetMillis());
        assertTrue(budget.spent().compareTo(Duration.ofMillis(50)) >= 0, "its time is counted: " + budget.spent());
    }

    @Test
    void theOtherCatastrophicPatternStopsToo() {
        TextMatch catastrophic = TextMatch.restore(TextMatch.Mode.REGEX, "(.*a){12}x");
        assertTimeoutPreemptively(LOOSELY, () -> assertThrows(MatchBudgetExceededException.class,
                () -> catastrophic.matches("aaaaaaaaaaaaaaaaaaaaaaaaa", MatchBudget.perMatch(Duration.ofMillis(50)))));
    }

    @Test
    void aNormalPatternMatchesAsWithoutABudget() {
        Pattern pattern = Pattern.compile("^TESCO\\b.*(\\d{4})$", Pattern.CASE_INSENSITIVE);
        String text = "Tesco Stores 1234";
        assertTrue(pattern.matcher(new BudgetedText(text, System.nanoTime() + FIFTY_MS, FIFTY_MS)).find());
        var matcher = pattern.matcher(new BudgetedText(text, System.nanoTime() + FIFTY_MS, FIFTY_MS));
        assertTrue(matcher.find());
        assertEquals("1234", matcher.group(1)); // groups read through subSequence
        assertFalse(pattern.matcher(new BudgetedText("Sainsbury 1234", System.nanoTime() + FIFTY_MS, FIFTY_MS))
                .find());
    }

    @Test
    void aDeadlineInThePastStopsTheFirstLongRead() {
        String text = "x".repeat(1000);
        BudgetedText late = new BudgetedText(text, System.nanoTime() - 1, FIFTY_MS);
        assertThrows(MatchBudgetExceededException.class, () -> {
            for (int i = 0; i < text.length(); i++) {
                late.charAt(i);
            }
        });
    }

    @Test
    void itIsTheTextItWraps() {
        BudgetedText text = new BudgetedText("Coffee shop", System.nanoTime() + FIFTY_MS, FIFTY_MS);
        assertEquals(11, text.length());
        assertEquals('C', text.charAt(0));
        assertEquals("Coffee shop", text.toString());
        CharSequence shop = text.subSequence(7, 11);
        assertEquals("shop", shop.toString());
        assertEquals('h', shop.charAt(1));
        assertEquals("ho", shop.subSequence(1, 3).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> text.subSequence(5, 12));
    }

    @Test
    void containsIsNeverBudgetedNorCounted() {
        MatchBudget budget = MatchBudget.perMatch(Duration.ofNanos(1));
        assertTrue(TextMatch.contains("shop").matches("Coffee shop", budget));
        assertEquals(Duration.ZERO, budget.spent());
    }
}
