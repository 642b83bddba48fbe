package org.infusionwatch.gateway.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --from/--to}: an ISO instant ({@code 2026-11-22T10:00:00Z}) or a date (UTC midnight). */
final class TimeOption implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO instant or date: " + value);
            }
        }
    }
}
