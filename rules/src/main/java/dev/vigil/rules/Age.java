package dev.vigil.rules;

import java.time.Duration;
import java.time.Instant;

/** How long ago something was made, in whole days, as the age rules' messages say it. */
public final class Age {

    private Age() {
    }

    public static String ago(Instant then, Instant now) {
        long days = Duration.between(then, now).toDays();
        return days == 0 ? "less than a day ago" : days == 1 ? "1 day ago" : days + " days ago";
    }
}
