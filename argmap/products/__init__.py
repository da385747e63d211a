"""What a user takes away from a map: briefs, discussion questions, drills, the step-through,
the timeline, the text summary and the quote check. Built on analysis; no format, view or app."""
