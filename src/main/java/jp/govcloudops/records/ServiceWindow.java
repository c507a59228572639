package jp.govcloudops.records;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * 受付時間: the hours in which the contractor answers alerts (weekdays 08:30–17:15 Japan time, except closed days).
 * Used to split work effort into inside and outside hours.
 */
public interface ServiceWindow {

    LocalTime opens();

    LocalTime closes();

    /** Whether the service desk is open at all on {@code day}. */
    boolean isServiceDay(LocalDate day);

    /** Which calendar answered for {@code day}: {@code CALENDAR} (national holidays known) or {@code WEEKDAY_ONLY}. */
    String basis(LocalDate day);

    /** How the report describes the window, in Japanese. */
    String description();
}
