package io.jenkins.plugins.securepipeline.role;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who and what is asking for a session: the Jenkins job, build number, user and branch. These end up in the session
 * name (visible in the assumed-role ARN and the target account's CloudTrail) and in session tags. Branch and job
 * names contain characters STS refuses ({@code feature%2Ffoo}, spaces, slashes) and may be long, so they are
 * sanitised and shortened here instead of failing the build.
 *
 * @param jobFullName e.g. {@code team/app/feature%2Flogin}; required
 * @param buildNumber the build number, or 0 when unknown
 * @param user the user who started the build, or null
 * @param branch the branch, or null
 */
public record BuildContext(String jobFullName, int buildNumber, String user, String branch) {
    static final String SESSION_NAME_PREFIX = "Jenkins-";
    /**
     * The keys of the tags {@link #sessionTags} sets. Role trust policies condition on them
     * ({@code aws:RequestTag/JenkinsJob}), so they must come from the build, never from the pipeline's own arguments;
     * reserved whether or not this build has a value for them (a job without a branch must not claim one).
     */
    private static final String JOB_TAG = "JenkinsJob";
    private static final String BUILD_TAG = "JenkinsBuild";
    private static final String USER_TAG = "JenkinsUser";
    private static final String BRANCH_TAG = "Branch";
    private static final List<String> TAG_KEYS = List.of(JOB_TAG, BUILD_TAG, USER_TAG, BRANCH_TAG);
    private static final int SESSION_NAME_MAX = 64;
    private static final Pattern NOT_SESSION_NAME_CHAR = Pattern.compile("[^\\w+=,.@-]+");
    private static final Pattern NOT_TAG_CHAR = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

    public BuildContext {
        if (jobFullName == null || jobFullName.isBlank()) {
            throw new InvalidRoleRequestException("jobFullName", "the job name is required to name the session");
        }
        if (buildNumber < 0) {
            throw new InvalidRoleRequestException("buildNumber", "must not be negative");
        }
    }

    /**
     * {@code Jenkins-<job>-<build>}: the job part is sanitised and shortened from the left (the end of a job path is
     * the most specific part), so the build number always survives the 64-character limit.
     */
    public String sessionName() {
        String suffix = buildNumber > 0 ? "-" + buildNumber : "";
        String job = sanitiseForSessionName(jobFullName);
        int room = SESSION_NAME_MAX - SESSION_NAME_PREFIX.length() - suffix.length();
        if (job.length() > room) {
            job = job.substring(job.length() - room);
            job = job.replaceFirst("^[-.]+", "");
        }
        if (job.isEmpty()) {
            job = "job";
        }
        return SESSION_NAME_PREFIX + job + suffix;
    }

    /**
     * Tags that say which build holds the session, all optional: dropped before failing on PackedPolicyTooLarge.
     * Absent context (no user, no branch) gives no tag rather than an empty one.
     */
    public List<SessionTag> sessionTags() {
        List<SessionTag> tags = new ArrayList<>();
        tags.add(SessionTag.optional(JOB_TAG, sanitiseTagValue(jobFullName)));
        if (buildNumber > 0) {
            tags.add(SessionTag.optional(BUILD_TAG, Integer.toString(buildNumber)));
        }
        if (user != null && !user.isBlank()) {
            tags.add(SessionTag.optional(USER_TAG, sanitiseTagValue(user)));
        }
        if (branch != null && !branch.isBlank()) {
            tags.add(SessionTag.optional(BRANCH_TAG, sanitiseTagValue(branch)));
        }
        return tags;
    }

    /**
     * Whether {@code key} names one of the build's own tags, in any case: STS treats tag keys case-insensitively, so
     * {@code jenkinsjob} from a pipeline would stand for {@code JenkinsJob} in a trust policy's condition.
     */
    public static boolean isBuildTagKey(String key) {
        return key != null && TAG_KEYS.stream().anyMatch(key.strip()::equalsIgnoreCase);
    }

    /** Decodes Jenkins' {@code %2F} escapes, then turns every run of characters STS refuses into one dash. */
    static String sanitiseForSessionName(String text) {
        String decoded = percentDecode(text);
        String replaced = NOT_SESSION_NAME_CHAR.matcher(decoded).replaceAll("-");
        return replaced.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }

    /** Tag values may contain slashes, so branch names keep their shape; other refused characters become '_'. */
    static String sanitiseTagValue(String text) {
        String replaced = NOT_TAG_CHAR.matcher(percentDecode(text).strip()).replaceAll("_");
        return replaced.length() <= SessionTag.MAX_VALUE_LENGTH
                ? replaced
                : replaced.substring(replaced.length() - SessionTag.MAX_VALUE_LENGTH);
    }

    /** Decodes valid {@code %XX} UTF-8 sequences only; a stray '%' is left as it is (and then sanitised away). */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
