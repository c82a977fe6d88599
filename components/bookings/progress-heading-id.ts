/**
 * The progress section's heading (booking-progress-panel.tsx): focus lands there after a stage
 * change (progress-controls.tsx). A plain module: a server component cannot read a value exported
 * from a "use client" one.
 */
export const PROGRESS_HEADING_ID = "progress-heading";
