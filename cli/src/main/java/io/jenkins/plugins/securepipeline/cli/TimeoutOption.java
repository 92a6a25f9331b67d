package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --timeout}, shared by every command that talks to a network (AWS, registries, iCalendar URLs): how long one
 * request may wait. The same value bounds an AWS API call with its retries, a registry request and the documents it
 * returns, a calendar download, and how long an upload or download may stall.
 */
public final class TimeoutOption {
    /** Suits a pipeline: long enough for a slow registry or a throttled STS, short enough to fail a stuck build. */
    public static final String DEFAULT = "60s";
    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofHours(24);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DEFAULT, converter = Converter.class,
            description = "Longest wait for one network request: connecting, the answer and any document it carries "
                    + "(an upload or download may take longer, but may not stall that long), e.g. 30s, 2m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(60);

    public Duration value() {
        return timeout;
    }

    /** AWS clients: the whole call (retries included) within the timeout; connect and read no longer than it. */
    public AwsClientSettings.Builder applyTo(AwsClientSettings.Builder settings) {
        return settings.callTimeout(timeout)
                .connectTimeout(min(timeout, Duration.ofSeconds(10)))
                .readTimeout(min(timeout, Duration.ofSeconds(30)));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Matcher matcher = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 30s, 2m or 500ms");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            Duration value = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
                throw new CommandLine.TypeConversionException("'" + text + "' must be between 100ms and 24h");
            }
            return value;
        }
    }
}
