package io.kibly.engine.domain.model.enrichment;

import static io.kibly.engine.domain.model.enrichment.EnrichmentSubjects.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NaiveBayesCategoriserTest {

    /*
     * Three examples, nine tokens:
     *   food:   coffee beans type:spend dir:out amount:2   (total 3)
     *   food:   coffee       type:spend dir:out amount:1   (total 2)
     *   travel: train ticket type:spend dir:out amount:4   (total 30)
     * food has 9 token occurrences (coffee 2, beans 1, spend 2, out 2, amount:2 1, amount:1 1), travel 5.
     */
    private static final List<LabelledSubject> SMALL = List.of(
            labelled("food", spend().description("Coffee beans").total("3").build()),
            labelled("food", spend().description("coffee").total("2").build()),
            labelled("travel", spend().description("Train ticket").total("30").build()));

    @Test
    void theFeaturesAreWordsContactTypeDirectionAndAmountBucket() {
        EnrichmentSubject subject = spend().description("Tesco Stores 2231 - a CAFÉ").reference("INV-2041/b")
                .contact("C-7", "Tesco").total("100.00").build();

        assertEquals(List.of("tesco", "stores", "café", "inv", "contact:C-7", "type:spend", "dir:out", "amount:6"),
                SubjectFeatures.of(subject));
    }

    @Test
    void theContactNameStandsInForAMissingId() {
        EnrichmentSubject subject = spend().contact(null, " Acme Ltd ").direction("IN").type("RECEIVE").build();

        assertEquals(List.of("contact:acme ltd", "type:receive", "dir:in", "amount:3"), SubjectFeatures.of(subject));
    }

    @Test
    void theAmountBucketIsThePowerOfTwoMagnitudeOfTheTotalPlusOne() {
        assertEquals(0, SubjectFeatures.amountBucket(new BigDecimal("0")));
        assertEquals(0, SubjectFeatures.amountBucket(new BigDecimal("0.99")));
        assertEquals(1, SubjectFeatures.amountBucket(new BigDecimal("1")));
        assertEquals(1, SubjectFeatures.amountBucket(new BigDecimal("2.99")));
        assertEquals(2, SubjectFeatures.amountBucket(new BigDecimal("3")));
        assertEquals(6, SubjectFeatures.amountBucket(new BigDecimal("100")));
        assertEquals(6, SubjectFeatures.amountBucket(new BigDecimal("126.99")));
        assertEquals(7, SubjectFeatures.amountBucket(new BigDecimal("127")));
        assertEquals(20, SubjectFeatures.amountBucket(new BigDecimal("1048575")));
    }

    @Test
    void trainingCountsLabelsExamplesAndTokens() {
        CategoriserModel model = CategoriserTraining.train(7, SMALL);

        assertEquals(7, model.version());
        assertEquals(2, model.labelCount());
        assertEquals(3, model.exampleCount());
        assertEquals(9, model.vocabularySize());
        assertEquals(List.of("food", "travel"), model.labels());
    }

    /*
     * Query: "coffee train coffee", total 5: coffee x2, train, type:spend, dir:out, amount:2.
     * P(t | food)   = (count + 1) / (9 + 9):  coffee 3/18, train 1/18, spend 3/18, out 3/18, amount:2 2/18
     * P(t | travel) = (count + 1) / (5 + 9):  coffee 1/14, train 2/14, spend 2/14, out 2/14, amount:2 1/14
     * food:   2/3 * (3/18)^2 * 1/18 * (3/18)^2 * 2/18 = 108 / 18^6
     * travel: 1/3 * (1/14)^2 * 2/14 * (2/14)^2 * 1/14 = (8/3) / 14^6
     * P(food | query) = 1 / (1 + (8/3) 18^6 / (108 * 14^6)) = 1 / (1 + 13122 / 117649) = 117649 / 130771
     */
    @Test
    void thePosteriorIsTheHandComputedOne() {
        CategoriserModel model = CategoriserTraining.train(1, SMALL);

        Prediction prediction = model.predict(spend().description("coffee train coffee").total("5").build())
                .orElseThrow();

        assertEquals("food", prediction.label());
        assertEquals(117649.0 / 130771.0, prediction.confidence(), 1e-9);
    }

    @Test
    void tokensNeverSeenInTrainingAreIgnored() {
        CategoriserModel model = CategoriserTraining.train(1, SMALL);

        Prediction withUnknownWords = model.predict(spend().description("latte coffee train coffee espresso")
                .contact("C-404", "Nobody").total("5").build()).orElseThrow();

        assertEquals(117649.0 / 130771.0, withUnknownWords.confidence(), 1e-9);
    }

    @Test
    void withNoKnownTokenThePriorDecides() {
        CategoriserModel model = CategoriserTraining.train(1, SMALL);

        Prediction prediction = model.predict(spend().description("zzz").type("OTHER").direction("IN")
                .total("1000").build()).orElseThrow();

        assertEquals("food", prediction.label());
        assertEquals(2.0 / 3.0, prediction.confidence(), 1e-12);
    }

    @Test
    void aSingleLabelIsCertain() {
        CategoriserModel model = CategoriserTraining.train(1, List.of(labelled("400", spend().build())));

        assertEquals(new Prediction("400", 1.0), model.predict(spend().description("x").build()).orElseThrow());
    }

    @Test
    void anEmptyModelPredictsNothing() {
        assertTrue(CategoriserTraining.train(3, List.of()).predict(spend().build()).isEmpty());
        assertTrue(CategoriserModel.empty(3).predict(spend().build()).isEmpty());
        assertEquals(0, CategoriserModel.empty(3).exampleCount());
    }

    @Test
    void aLongDescriptionDoesNotUnderflowTheConfidence() {
        CategoriserModel model = CategoriserTraining.train(1, SMALL);
        // Three thousand tokens: their plain product of probabilities would underflow to zero for every label.
        String description = "coffee ".repeat(2000) + "train ".repeat(1000);

        Prediction prediction = model.predict(spend().description(description).total("5").build()).orElseThrow();

        // log P(food | x) - log P(travel | x) is about 2000 log(42/18) + 1000 log(14/36) > 700.
        assertEquals("food", prediction.label());
        assertTrue(prediction.confidence() > 0.999999 && prediction.confidence() <= 1.0);
    }

    @Test
    void onlyTheProviderCategorisedSubjectsAreTrainingExamples() {
        List<LabelledSubject> examples = CategoriserTraining.labelledByProviderAccount(List.of(
                spend().providerAccountCode("400").build(), spend().build(), spend().providerAccountCode(" ").build(),
                spend().providerAccountCode("420").build()));

        assertEquals(List.of("400", "420"), examples.stream().map(LabelledSubject::label).toList());
    }

    @Test
    void onSyntheticTransactionsItBeatsTheMajorityLabelClearly() {
        List<LabelledSubject> all = new SyntheticLedger(20261125L).examples(3000);
        List<LabelledSubject> training = all.subList(0, 2000);
        List<LabelledSubject> heldOut = all.subList(2000, 3000);

        CategoriserModel model = CategoriserTraining.train(1, training);

        double accuracy = accuracy(model, heldOut);
        double baseline = majorityBaseline(training, heldOut);
        assertTrue(baseline > 0.3 && baseline < 0.5, "baseline " + baseline);
        assertTrue(accuracy > baseline + 0.35, "accuracy " + accuracy + " against a baseline of " + baseline);
    }

    @Test
    void theStoredFormReadsBackToAModelWithTheSamePredictions() {
        List<LabelledSubject> all = new SyntheticLedger(42L).examples(1500);
        CategoriserModel model = CategoriserTraining.train(12, all.subList(0, 1000));

        String stored = model.toStoredForm();
        CategoriserModel read = CategoriserModel.fromStoredForm(stored);

        assertEquals(12, read.version());
        assertEquals(model.labels(), read.labels());
        assertEquals(model.exampleCount(), read.exampleCount());
        assertEquals(model.vocabularySize(), read.vocabularySize());
        assertEquals(stored, read.toStoredForm());
        for (LabelledSubject example : all.subList(1000, 1500)) {
            assertEquals(model.predict(example.subject()), read.predict(example.subject()));
        }
    }

    @Test
    void theStoredFormKeepsSpacesLineBreaksAndBackslashes() {
        List<LabelledSubject> examples = List.of(
                labelled("Motor vehicles", spend().contact(null, "A\\B  Ltd\r\nline two").build()),
                labelled("a:b\\s", spend().type("TYPE WITH SPACE").build()));
        CategoriserModel model = CategoriserTraining.train(2, examples);

        CategoriserModel read = CategoriserModel.fromStoredForm(model.toStoredForm());

        assertEquals(List.of("Motor vehicles", "a:b\\s"), read.labels());
        assertEquals(model.toStoredForm(), read.toStoredForm());
        assertEquals(model.predict(examples.get(0).subject()), read.predict(examples.get(0).subject()));
        assertEquals("Motor vehicles", read.predict(examples.get(0).subject()).orElseThrow().label());
    }

    @Test
    void anEmptyModelHasAStoredFormToo() {
        CategoriserModel read = CategoriserModel.fromStoredForm(CategoriserModel.empty(5).toStoredForm());

        assertEquals(5, read.version());
        assertTrue(read.isEmpty());
    }

    @Test
    void anythingButAStoredModelIsRefused() {
        String stored = CategoriserTraining.train(1, SMALL).toStoredForm();

        assertThrows(IllegalArgumentException.class, () -> CategoriserModel.fromStoredForm(""));
        assertThrows(IllegalArgumentException.class, () -> CategoriserModel.fromStoredForm("{\"labels\": []}"));
        assertThrows(IllegalArgumentException.class,
                () -> CategoriserModel.fromStoredForm(stored.substring(0, stored.length() / 2)));
        assertThrows(IllegalArgumentException.class,
                () -> CategoriserModel.fromStoredForm(stored.replace("labels 2", "labels 2000000000")));
        assertThrows(IllegalArgumentException.class,
                () -> CategoriserModel.fromStoredForm(stored.replace(" 1:1", " 5:1")));
        assertThrows(IllegalArgumentException.class, () -> CategoriserModel.fromStoredForm(stored + "more\n"));
    }

    @Test
    void trainingIsIndependentOfTheOrderOfTheExamples() {
        List<LabelledSubject> reversed = new ArrayList<>(SMALL);
        Collections.reverse(reversed);

        assertEquals(CategoriserTraining.train(1, SMALL).toStoredForm(),
                CategoriserTraining.train(1, reversed).toStoredForm());
    }

    @Test
    void aHundredThousandExamplesTrainIntoOneModel() {
        // Training speed is measured by the benchmark (./kibly bench), not asserted here.
        CategoriserModel model = CategoriserTraining.train(1, new SyntheticLedger(7L).examples(100_000));
        assertEquals(100_000, model.exampleCount());
    }

    private static double accuracy(CategoriserModel model, List<LabelledSubject> examples) {
        long correct = examples.stream()
                .filter(example -> model.predict(example.subject()).orElseThrow().label().equals(example.label()))
                .count();
        return (double) correct / examples.size();
    }

    private static double majorityBaseline(List<LabelledSubject> training, List<LabelledSubject> heldOut) {
        Map<String, Integer> counts = new HashMap<>();
        training.forEach(example -> counts.merge(example.label(), 1, Integer::sum));
        String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return (double) heldOut.stream().filter(example -> example.label().equals(majority)).count() / heldOut.size();
    }

    private static LabelledSubject labelled(String label, EnrichmentSubject subject) {
        return new LabelledSubject(subject, label);
    }

    /**
     * Bank lines of five account codes with unequal shares (the largest about 40%): each code has its own words,
     * contacts and amount range, blurred by shared words, contacts of other codes and overlapping amounts.
     */
    private static final class SyntheticLedger {

        private record Category(String code, double share, String[] words, String[] contacts, int minAmount,
                int maxAmount, String direction) {
        }

        private static final Category[] CATEGORIES = {
            new Category("400", 0.40, words("grocery supermarket milk bread fruit tesco aldi sainsbury"),
                    words("tesco aldi sainsburys"), 5, 150, "OUT"),
            new Category("420", 0.25, words("train rail ticket taxi uber flight hotel fare"),
                    words("trainline uber easyjet"), 3, 600, "OUT"),
            new Category("430", 0.15, words("subscription software licence cloud saas hosting domain seats"),
                    words("github atlassian aws"), 10, 2000, "OUT"),
            new Category("440", 0.12, words("electricity gas water energy utility meter bill tariff"),
                    words("octopus thames british-gas"), 40, 400, "OUT"),
            new Category("200", 0.08, words("invoice payment client receipt settlement remittance fees project"),
                    words("acme globex initech"), 200, 20000, "IN"),
        };

        private static final String[] SHARED = words(
                "card payment ref london uk ltd online purchase debit transaction pos visa contactless gbp the");

        private final Random random;

        SyntheticLedger(long seed) {
            random = new Random(seed);
        }

        List<LabelledSubject> examples(int count) {
            List<LabelledSubject> examples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Category category = pick();
                StringBuilder description = new StringBuilder();
                int words = 2 + random.nextInt(4);
                for (int w = 0; w < words; w++) {
                    String[] source = random.nextDouble() < 0.45 ? category.words() : SHARED;
                    description.append(source[random.nextInt(source.length)]).append(' ');
                }
                description.append(random.nextInt(10_000));
                Category contactOf = random.nextDouble() < 0.7 ? category : CATEGORIES[random.nextInt(5)];
                String contact = contactOf.contacts()[random.nextInt(3)];
                double amount = category.minAmount()
                        * Math.pow((double) category.maxAmount() / category.minAmount(), random.nextDouble());
                String direction = random.nextDouble() < 0.9 ? category.direction()
                        : category.direction().equals("IN") ? "OUT" : "IN";
                EnrichmentSubject subject = spend().description(description.toString()).contact(null, contact)
                        .total(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                        .direction(direction).type(direction.equals("IN") ? "RECEIVE" : "SPEND").build();
                examples.add(new LabelledSubject(subject, category.code()));
            }
            return examples;
        }

        private Category pick() {
            double draw = random.nextDouble();
            for (Category category : CATEGORIES) {
                draw -= category.share();
                if (draw < 0) {
                    return category;
                }
            }
            return CATEGORIES[CATEGORIES.length - 1];
        }

        private static String[] words(String text) {
            return text.split(" ");
        }
    }
}
