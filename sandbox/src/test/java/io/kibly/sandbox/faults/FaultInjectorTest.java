package io.kibly.sandbox.faults;

import io.kibly.sandbox.http.ApiResponse;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FaultInjectorTest {

    private final List<Long> slept = new ArrayList<>();

    private FaultInjector injector(FaultSettings settings, Double... rolls) {
        Iterator<Double> dice = List.of(rolls).iterator();
        return new FaultInjector(() -> settings, dice::next, slept::add);
    }

    @Test
    void oneRollPicksTimeoutThen500Then503ThenMalformed() {
        FaultSettings settings = new FaultSettings(0.1, 0.2, 0, 2_000, 0.05, 30_000, 0.15, 1);
        FaultInjector injector = injector(settings, 0.04, 0.06, 0.14, 0.16, 0.34, 0.36, 0.49, 0.51);
        List<FaultPlan> plans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            plans.add(injector.decide());
        }
        assertEquals(List.of(
                new FaultPlan(FaultKind.TIMEOUT, 30_000), new FaultPlan(FaultKind.SERVER_ERROR, 0),
                new FaultPlan(FaultKind.SERVER_ERROR, 0), new FaultPlan(FaultKind.UNAVAILABLE, 0),
                new FaultPlan(FaultKind.UNAVAILABLE, 0), new FaultPlan(FaultKind.MALFORMED, 0),
                new FaultPlan(FaultKind.MALFORMED, 0), FaultPlan.NONE), plans);
    }

    @Test
    void slowCallsRollASecondDieAndSleep() {
        FaultSettings settings = new FaultSettings(0.5, 0, 0.25, 1_500, 0, 30_000, 0, 1);
        FaultInjector injector = injector(settings, 0.9, 0.1, 0.9, 0.3, 0.2, 0.0);
        FaultPlan slow = injector.decide();
        assertEquals(new FaultPlan(FaultKind.NONE, 1_500), slow);
        assertEquals(FaultPlan.NONE, injector.decide());
        assertEquals(new FaultPlan(FaultKind.SERVER_ERROR, 1_500), injector.decide());
        injector.delay(slow);
        injector.delay(FaultPlan.NONE);
        assertEquals(List.of(1_500L), slept);
    }

    @Test
    void noRatesNoRolls() {
        assertEquals(FaultPlan.NONE, injector(FaultSettings.none(1)).decide());
    }

    @Test
    void seededDiceReplay() {
        SeededDice dice = new SeededDice(42);
        double first = dice.getAsDouble();
        double second = dice.getAsDouble();
        dice.reseed(42);
        assertEquals(List.of(first, second), List.of(dice.getAsDouble(), dice.getAsDouble()));
    }

    @Test
    void ratesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new FaultSettings(0.6, 0.5, 0, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FaultSettings(-0.1, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void aMalformedBodyIsTheFirstHalfOfTheJson() {
        ApiResponse response = new ApiResponse(200, Map.of(), Json.createObjectBuilder().add("a", "bcdefgh").build())
                .malformed();
        assertEquals("{\"a\":\"b", response.rawBody());
    }
}
