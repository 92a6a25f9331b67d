package io.jenkins.plugins.securepipeline.window.ical;

import java.util.Map;

/**
 * One unfolded iCalendar content line, {@code NAME;PARAM=value:VALUE}.
 *
 * @param line the physical line where it starts, for messages
 */
record ContentLine(String name, Map<String, String> parameters, String value, int line) {
    String parameter(String key) {
        return parameters.get(key);
    }
}
