package io.rebound.notification.email;

import io.rebound.notification.chart.RunChart;

/**
 * What the email templates show, every value already worded and in the runner's unit, so the templates hold
 * no logic beyond layout.
 *
 * @param activity   the tipping activity in a few words, e.g. "a 3.11 mi run"
 * @param allowance  what the plan allows, as a sentence
 * @param startedAt  the activity's local start time as the device reported it, e.g. "07:15"
 * @param date       the runner's local date of the activity, e.g. "Tuesday 3 November 2026"
 * @param ptTold     whether the runner's PT is emailed about this alert at once
 * @param statusLink an absolute link to the runner's page in the web app
 * @param alertLink  an absolute link to this alert in the web app
 * @param chart      the window's running against its caps, drawn inline in the HTML part; null when the alert
 *                   carries no window or the chart could not be drawn
 * @param chartAlt   the chart in words, for the text part and the image's alt text; null without a chart
 */
public record AlertEmail(
        String runnerId,
        String runnerName,
        String ptName,
        String severity,
        String ruleText,
        int day,
        String phaseTitle,
        String phaseDescription,
        String activity,
        String sport,
        String distance,
        String duration,
        String startedAt,
        String date,
        String limit,
        String actual,
        String allowance,
        String whyItMatters,
        String whatToDoToday,
        boolean ptTold,
        String activityId,
        String statusLink,
        String alertLink,
        RunChart chart,
        String chartAlt) {

    /** The content id the HTML part shows the chart under. */
    public static final String CHART_ID = "window-chart@rebound";

    /** The same email without its chart, for when the chart cannot be drawn. */
    public AlertEmail withoutChart() {
        return new AlertEmail(runnerId, runnerName, ptName, severity, ruleText, day, phaseTitle, phaseDescription,
                activity, sport, distance, duration, startedAt, date, limit, actual, allowance, whyItMatters,
                whatToDoToday, ptTold, activityId, statusLink, alertLink, null, null);
    }
}
