package io.kibly.sandbox.xero.data;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Ids that look random but are derived from (seed, organisation, index). A bank transaction's id carries its
 * index, scrambled by an invertible multiplication, so the admin API can find transaction #i from its id without
 * a lookup table.
 */
public final class DeterministicIds {

    private static final long INDEX_BITS_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long SCRAMBLE = 0x9E37_79B9_7F4A_7C15L;
    private static final long UNSCRAMBLE = inverse(SCRAMBLE);

    private final long organisationKey;

    public DeterministicIds(long seed, String tenantId) {
        this.organisationKey = mix64(seed ^ mix64(fnv1a(tenantId)));
    }

    public long organisationKey() {
        return organisationKey;
    }

    /** The seed of transaction #index's own random stream. */
    public long streamSeed(long index) {
        return mix64(organisationKey ^ mix64(index + 0x632B_E59B_D9B4_E019L));
    }

    public UUID bankTransactionId(long index) {
        long high = mix64(streamSeed(index) ^ 0x5851_F42D_4C95_7F2DL);
        long low = ((index * SCRAMBLE) + organisationKey) & INDEX_BITS_MASK;
        return version4(high, low);
    }

    /** The index a {@link #bankTransactionId} was made from, or empty when the id was not made by these ids. */
    public OptionalLong indexOf(UUID id, long count) {
        long index = (((id.getLeastSignificantBits() & INDEX_BITS_MASK) - organisationKey) * UNSCRAMBLE)
                & INDEX_BITS_MASK;
        if (index < count && bankTransactionId(index).equals(id)) {
            return OptionalLong.of(index);
        }
        return OptionalLong.empty();
    }

    /** Ids of things that have no index of their own: contacts, accounts, line items ({@code kind:number}). */
    public UUID named(String kind, long number) {
        long high = mix64(organisationKey ^ fnv1a(kind) ^ mix64(number));
        long low = mix64(high ^ organisationKey ^ number);
        return version4(high, low);
    }

    private static UUID version4(long high, long low) {
        return new UUID((high & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L,
                (low & INDEX_BITS_MASK) | 0x8000_0000_0000_0000L);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String text) {
        long hash = 0xCBF2_9CE4_8422_2325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x1000_0000_01B3L;
        }
        return hash;
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long inverse = odd;
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }
}
