package io.kibly.sandbox.quickbooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query form the engine uses: {@code SELECT * FROM Purchase|Deposit [WHERE Metadata.LastUpdatedTime >
 * '<ISO>'] [ORDERBY Metadata.LastUpdatedTime [ASC]] [STARTPOSITION n] [MAXRESULTS n]}. STARTPOSITION is 1-based;
 * MAXRESULTS defaults to 100 and may not exceed 1000, as in QBO. {@code entity} is spelt as QBO spells it.
 */
public record EntityQuery(String entity, Instant updatedAfter, long startPosition, int maxResults) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*SELECT\\s+\\*\\s+FROM\\s+(Purchase|Deposit)"
                    + "(?:\\s+WHERE\\s+Meta[Dd]ata\\.LastUpdatedTime\\s*>\\s*'([^']+)')?"
                    + "(?:\\s+ORDER\\s*BY\\s+Meta[Dd]ata\\.LastUpdatedTime(?:\\s+ASC)?)?"
                    + "(?:\\s+STARTPOSITION\\s+(\\d+))?"
                    + "(?:\\s+MAXRESULTS\\s+(\\d+))?\\s*",
            Pattern.CASE_INSENSITIVE);

    /** Throws {@link IllegalArgumentException} with QBO's wording for what it cannot parse. */
    public static EntityQuery parse(String query) {
        Matcher matcher = query == null ? null : FORM.matcher(query);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Error parsing query: the sandbox understands only "
                    + "SELECT * FROM Purchase|Deposit [WHERE Metadata.LastUpdatedTime > '...'] [ORDERBY "
                    + "Metadata.LastUpdatedTime] [STARTPOSITION n] [MAXRESULTS n]");
        }
        String entity = matcher.group(1).equalsIgnoreCase("Purchase") ? "Purchase" : "Deposit";
        Instant after = null;
        if (matcher.group(2) != null) {
            try {
                after = OffsetDateTime.parse(matcher.group(2)).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Error parsing query: bad date " + matcher.group(2));
            }
        }
        long start = matcher.group(3) == null ? 1 : Long.parseLong(matcher.group(3));
        int max = matcher.group(4) == null ? 100 : Integer.parseInt(matcher.group(4));
        if (start < 1 || max < 1 || max > 1000) {
            throw new IllegalArgumentException("Error parsing query: STARTPOSITION must be 1 or more and "
                    + "MAXRESULTS between 1 and 1000");
        }
        return new EntityQuery(entity, after, start, max);
    }
}
