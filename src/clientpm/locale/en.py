"""English: every sentence and label clientpm writes for a reader.

The reference catalogue: every other locale has the same keys with the same
``{placeholders}``, and a key missing elsewhere falls back to the English text.

Example:
    >>> MESSAGES["impact.no_slip"]
    'No milestone moves.'

"""

from __future__ import annotations

#: Every message, by key; ``{name}`` fields are filled in by :func:`clientpm.locale.say`.
MESSAGES: dict[str, str] = {
    # Formats: how dates, sentence runs and a label's colon are written.
    "format.date": "D MMM YYYY",
    "format.join": " ",
    "format.colon": ": ",
    # Report colours (red, amber, green).
    "rag.green": "Green",
    "rag.amber": "Amber",
    "rag.red": "Red",
    # Roles, as a reader names them.
    "role.sponsor": "sponsor",
    "role.client_contact": "client contact",
    "role.end_user": "end user",
    "role.project_manager": "project manager",
    "role.account_manager": "account manager",
    "role.team_member": "team member",
    "role.executive": "executive",
    # Enum values as a reader sees them (status, kind, strategy, recommendation).
    "enum.submitted": "submitted",
    "enum.assessed": "assessed",
    "enum.approved": "approved",
    "enum.rejected": "rejected",
    "enum.deferred": "deferred",
    "enum.implemented": "implemented",
    "enum.withdrawn": "withdrawn",
    "enum.praise": "praise",
    "enum.suggestion": "suggestion",
    "enum.question": "question",
    "enum.complaint": "complaint",
    "enum.avoid": "avoid",
    "enum.mitigate": "mitigate",
    "enum.transfer": "transfer",
    "enum.accept": "accept",
    "enum.open": "open",
    "enum.occurred": "occurred",
    "enum.closed": "closed",
    "enum.reject": "reject",
    "enum.absorb": "absorb",
    "enum.bill": "bill",
    "enum.planned": "planned",
    "enum.in_progress": "in progress",
    "enum.delivered": "delivered",
    "enum.accepted": "accepted",
    # What one change of a change request does (Change.describe()).
    "change.describe.add": "add requirement {id!r} ({days} person-days)",
    "change.describe.add_to": (
        "add requirement {id!r} ({days} person-days) to milestone {milestone!r}"
    ),
    "change.describe.revise": "revise the estimate of requirement {id!r} to {days} person-days",
    "change.describe.remove": "remove requirement {id!r} from the scope",
    "change.describe.move": "move milestone {id!r} to {date}",
    # Reasons behind a change impact (clientpm.impact.Reason).
    "impact.adds": "Adds {effort} person-days of work ({cost} at the day rate).",
    "impact.saves": "Saves {effort} person-days of work ({cost} at the day rate).",
    "impact.no_effort": "Changes no work.",
    "impact.no_slip": "No milestone moves.",
    "impact.slip": (
        "{count} milestone(s) move; the largest slip is {days} working days ({id}: {old} → {new})."
    ),
    "impact.earlier": "{count} milestone(s) finish earlier, by up to {days} working days.",
    "impact.breach": "Milestone {id} would finish {days} working days after its due date {due}.",
    "impact.contract": (
        "Milestone {id} has a contractual due date ({due}) and would be {days} working days late."
    ),
    "impact.contract_end": (
        "The plan would finish {days} working days after the contract end date {end}."
    ),
    "impact.critical": "The critical path changes: {ids}.",
    "impact.reject_contract": (
        "Recommend rejecting it: the change policy does not accept changes that "
        "break a contractual date."
    ),
    "impact.reject_no_work": (
        "Recommend rejecting it: it makes a due date unachievable and adds no work to bill."
    ),
    "impact.absorb_no_work": "Absorb it free of charge: it adds no work.",
    "impact.absorb": (
        "Absorb it free of charge: {effort} person-days fit in the free allowance "
        "left ({left} of {allowance} person-days)."
    ),
    "impact.bill_days": (
        "Bill it: {effort} person-days exceed the free allowance left ({left} of "
        "{allowance} person-days). Quote {price}."
    ),
    "impact.bill_money": (
        "Bill it: its cost {cost} exceeds the free allowance left ({left}). Quote {price}."
    ),
    "impact.bill_breach": (
        "Bill it: it moves a due date, which the client must accept with the price. Quote {price}."
    ),
    "impact.contingency": "The price includes {pct}% contingency ({amount}).",
    "impact.budget": "The forecast cost becomes {after}, {pct} of the budget {budget}.",
    "impact.over_budget": "The forecast cost {after} would exceed the budget {budget} ({pct}).",
    "impact.risk_up": "Risk {id} grows from {before} to {after}: no slack is left on {targets}.",
    "impact.risk_gone": "Risk {id} no longer applies: everything it affects is removed.",
    "impact.dimension": "{name}: {summary}",
    "impact.decide": "{approver} ({role}) decides; the client {client} must accept the impact.",
    "impact.decide_role": "The {role} decides; the client {client} must accept the impact.",
    "impact.escalate": (
        "Escalate: it is beyond the limit of the first approver, so {approver} "
        "({role}) decides; the client {client} must accept the impact."
    ),
    "impact.escalate_role": (
        "Escalate: it is beyond the limit of the first approver, so the {role} "
        "decides; the client {client} must accept the impact."
    ),
    "impact.goals": "the change touches requirements that serve goal(s) {ids}.",
    "impact.goals_weakened": (
        "the change touches requirements that serve goal(s) {ids}; removing them "
        "weakens {weakened}, which the sponsor must confirm."
    ),
    # Rows of ChangeImpact.table().
    "impact.table.title": "Impact of change request",
    "impact.table.item": "Item",
    "impact.table.value": "Value",
    "impact.table.effort": "Effort delta (person-days)",
    "impact.table.added": "Added requirements",
    "impact.table.removed": "Removed requirements",
    "impact.table.revised": "Revised requirements",
    "impact.table.slip": "Largest slip (working days)",
    "impact.table.moves": "Milestones that move",
    "impact.table.breaches": "Due-date breaches",
    "impact.table.cost": "Cost delta",
    "impact.table.forecast": "Forecast vs budget",
    "impact.table.risk": "Risk exposure before → after",
    "impact.table.recommendation": "Recommendation",
    "impact.table.approvers": "Approvers",
    "impact.table.reject": "reject",
    "impact.table.absorb": "absorb (free)",
    "impact.table.bill": "bill",
    # Chart legends.
    "chart.baseline": "Baseline",
    "chart.forecast": "Forecast",
    "chart.due": "Due",
    "chart.today": "Today",
    "chart.late": "late",
    "chart.on_time": "on time",
    # Reports: titles.
    "report.title.weekly": "Weekly report: {project}",
    "report.title.monthly": "Monthly report: {project}",
    "report.title.risks": "Risk register: {project}",
    "report.title.change": "Change request {id}: {title}",
    "report.title.change_team": "Change request {id}: {title} (for the team)",
    "report.period": "{start} – {end}",
    "report.as_of": "Status as of {date}",
    "report.status": "Status",
    "report.summary": "Summary",
    "report.footnotes": "Terms used",
    # Reports: sections.
    "report.sec.done": "Work completed",
    "report.sec.status": "Current status",
    "report.sec.next.weekly": "Plan for next week",
    "report.sec.next.monthly": "Plan for next month",
    "report.sec.milestones": "Milestones",
    "report.sec.risks": "Top risks",
    "report.sec.changes": "Change requests awaiting your decision",
    "report.sec.feedback": "Feedback and complaints",
    "report.sec.commitments": "Commitments due or at risk",
    "report.sec.decisions": "Decisions needed from you",
    "report.sec.since": "Changes since the last report",
    "report.sec.register": "Risk register",
    "report.sec.heatmap": "Risk heat map",
    "report.sec.asked": "What was asked",
    "report.sec.effect": "Effect on scope, schedule and budget",
    "report.sec.options": "Options and price",
    "report.sec.decision": "Decision needed",
    # Reports: table headers.
    "report.h.id": "Id",
    "report.h.milestone": "Milestone",
    "report.h.due": "Due",
    "report.h.forecast": "Forecast",
    "report.h.baseline": "Baseline",
    "report.h.slip": "Slip (working days)",
    "report.h.state": "Status",
    "report.h.risk": "Risk",
    "report.h.score": "Score",
    "report.h.owner": "Owner",
    "report.h.strategy": "Response",
    "report.h.review": "Next review",
    "report.h.kind": "Kind",
    "report.h.from": "From",
    "report.h.received": "Received",
    "report.h.response": "Response (working hours)",
    "report.h.resolved": "Resolved",
    "report.h.promise": "Promise",
    "report.h.to": "To",
    "report.h.change": "Change",
    "report.h.requested": "Requested by",
    "report.h.effort": "Effort (person-days)",
    "report.h.price": "Price",
    "report.h.recommendation": "Recommendation",
    "report.h.option": "Option",
    "report.h.effect": "Effect",
    "report.probability": "Probability",
    "report.impact": "Impact",
    "report.timeline": "Milestones: baseline, forecast and due",
    # Reports: facts.
    "report.f.budget": "Budget",
    "report.f.spent": "Spent to date",
    "report.f.forecast_cost": "Forecast cost",
    "report.f.milestones": "Milestones on track",
    "report.f.open_risks": "Open risks",
    "report.f.open_complaints": "Open complaints",
    "report.f.of": "{n} of {total}",
    # Reports: sentences.
    "report.none": "Nothing to report.",
    "report.done.req": "{id} {title} completed on {date}.",
    "report.done.ms": "Milestone {id} {title} delivered on {date}.",
    "report.done.accepted": "Milestone {id} {title} accepted by {who} on {date}.",
    "report.next.ms": "Work towards {id} {title}, due {due} (forecast {forecast}).",
    "report.next.review": "Review risk {id} {title} on {date}.",
    "report.state.done": "delivered",
    "report.state.late": "late",
    "report.state.on_track": "on track",
    "report.state.accepted": "accepted",
    "report.summary.rag": "Overall status: {rag}.",
    "report.summary.done": "{n} item(s) completed this period.",
    "report.summary.late": (
        "{n} milestone(s) forecast late; the largest slip is {days} working days ({id})."
    ),
    "report.summary.on_track": "All milestones are forecast on time.",
    "report.summary.decisions": "{n} decision(s) needed from you.",
    "report.summary.complaints": "{n} complaint(s) still open.",
    "report.summary.risks": "{n} high risk(s) open.",
    "report.reason.late": "{id} is forecast {days} working day(s) after its due date {due}.",
    "report.reason.late_commitment": (
        "Commitment {id} to {to} is at risk ({days} working day(s) late)."
    ),
    "report.reason.budget": "Forecast cost is {pct}% of the budget.",
    "report.reason.no_budget": "No budget is set, but the forecast cost is {cost}.",
    "report.reason.risk": "Risk {id} scores {score} ({level}).",
    "report.reason.complaint": "Complaint {id} has waited {days} working day(s) for a response.",
    "report.reason.complaint_open": "Complaint {id} is not resolved.",
    "report.reason.csat": (
        "Client satisfaction (CSAT) is {csat}% over the last {days} days ({n} ratings)."
    ),
    "report.reason.awaiting": "Change request {id} awaits your decision.",
    "report.reason.all_good": "Milestones, budget and risks are on track.",
    "report.decide.cr": "Approve or reject change request {id} ({title}).",
    "report.decide.signoff": "Sign off requirement {id} ({title}).",
    "report.decide.accept": "Accept milestone {id} ({title}), delivered on {date}.",
    "report.cr.row": "{id} {title}",
    "report.cr.not_assessed": "being assessed",
    "report.since.forecast": "{id} forecast moved from {old} to {new}.",
    "report.since.new_risk": "New risk {id}: {title}.",
    "report.since.closed_risk": "Risk {id} closed: {title}.",
    "report.since.risk_level": "Risk {id} moved from {old} to {new}.",
    "report.since.new_cr": "New change request {id}: {title}.",
    "report.since.cr_status": "Change request {id} is now {status}.",
    "report.since.new_feedback": "{n} new feedback item(s).",
    "report.since.nothing": "No change since the last report.",
    "report.hours": "{n} h",
    "report.waiting": "waiting",
    "report.yes": "yes",
    "report.no": "no",
    "report.commit.row": "{promise} (to {to}, due {due})",
    "report.commit.late": "forecast {days} working day(s) late",
    "report.commit.overdue": "overdue",
    "report.commit.due": "due this period",
    # Reports: change memo.
    "report.memo.asked": "{who} asked on {date}: {reason}",
    "report.memo.scope": "Scope",
    "report.memo.schedule": "Schedule",
    "report.memo.budget": "Budget",
    "report.memo.effort": "{days} person-days",
    "report.memo.slip": "{days} working days later at most",
    "report.memo.no_slip": "no milestone moves",
    "report.memo.reject": "Do not make the change",
    "report.memo.absorb": "Make it free of charge",
    "report.memo.bill": "Make it as a paid change for {price}",
    "report.memo.recommended": "recommended",
    "report.memo.decide": (
        "Please approve or reject this change, and confirm you accept its effect on "
        "the schedule and budget."
    ),
    "report.memo.approvers": "Approval needed from: {who}.",
    "report.memo.recommendation": "Our recommendation: {text}",
    "report.change.add": "Add requirement {id} {title} ({days} person-days).",
    "report.change.revise": "Revise the estimate of {id} to {days} person-days.",
    "report.change.remove": "Remove requirement {id}.",
    "report.change.move": "Move the due date of milestone {id} to {date}.",
    "report.memo.moves": "{id}: {old} → {new} ({days} working days)",
    "report.memo.price_none": "no charge",
    "report.memo.reject_effect": "Scope, schedule and budget stay as they are.",
    "report.memo.work_adds": "Adds {days} person-days of work.",
    "report.memo.work_saves": "Saves {days} person-days of work.",
    "report.memo.work_none": "Changes no work.",
    "report.memo.recommend": "Our recommendation: {option}.",
    "report.tone.info": "Note",
    "report.tone.warning": "Warning",
    "report.tone.decision": "Decision needed",
    # Reports: risk register.
    "report.risk.none": "No open risks.",
    # Formats of a list of words the text quotes (SMART findings).
    "format.quote": "'{text}'",
    "format.list": ", ",
    # Risk levels and the steps of the default risk matrix (clientpm.RiskLevel, RiskMatrix).
    "risk.level.low": "low",
    "risk.level.medium": "medium",
    "risk.level.high": "high",
    "risk.level.critical": "critical",
    "risk.probability.1": "rare",
    "risk.probability.2": "unlikely",
    "risk.probability.3": "possible",
    "risk.probability.4": "likely",
    "risk.probability.5": "almost certain",
    "risk.impact.1": "negligible",
    "risk.impact.2": "minor",
    "risk.impact.3": "moderate",
    "risk.impact.4": "major",
    "risk.impact.5": "severe",
    # A ratio whose denominator is zero (clientpm.UNDEFINED).
    "ratio.undefined": "n/a",
    # SMART checks: verdicts, letters, the report tables.
    "smart.verdict.pass": "pass",
    "smart.verdict.warn": "warn",
    "smart.verdict.fail": "fail",
    "smart.letter.S": "Specific",
    "smart.letter.M": "Measurable",
    "smart.letter.A": "Achievable",
    "smart.letter.R": "Relevant",
    "smart.letter.T": "Time-bound",
    "smart.table.letter": "Letter",
    "smart.table.verdict": "Verdict",
    "smart.table.findings": "Findings",
    "smart.table.suggestions": "Suggestions",
    "smart.table.criterion": "Criterion",
    "smart.table.smart": "SMART",
    "smart.table.not_smart": "not SMART",
    "smart.table.testable": "testable",
    "smart.table.not_testable": "not testable",
    # SMART findings of the built-in rules, by rule code: the message, then its fix.
    "smart.S-vague.warn": (
        "The statement uses vague words ({shown}), though a number says how much."
    ),
    "smart.S-vague.warn.fix": (
        "Say the change in the words of the metric, e.g. 'from 3.2 s to 1.5 s'."
    ),
    "smart.S-vague.fail": (
        "The statement is vague ({shown}) and no number says what changes or by how much."
    ),
    "smart.S-vague.fail.fix": (
        "Name what changes and by how much, e.g. 'raise the share of staff using the portal weekly "
        "from 40% to 70%'."
    ),
    "smart.S-owner.none": "No one owns the goal.",
    "smart.S-owner.none.fix": "Name the one person accountable for it.",
    "smart.S-owner.unknown": "The owner '{owner}' is not a stakeholder of the project.",
    "smart.S-owner.unknown.fix": "Name a stakeholder of the project as owner, or add them first.",
    "smart.S-compound": "The statement holds {count} goals ({shown}).",
    "smart.S-compound.fix": (
        "Split it into one goal per outcome, each with its own metric and owner."
    ),
    "smart.S-short.words": (
        "The statement is too short to say what changes ({size} words, at least {need})."
    ),
    "smart.S-short.chars": (
        "The statement is too short to say what changes ({size} Chinese characters, at least "
        "{need})."
    ),
    "smart.S-short.fix": "Write a full sentence: what changes, from what, to what, by when.",
    "smart.M-metric": "No metric says how progress is measured.",
    "smart.M-metric.fix": "Name the metric, e.g. 'median home page load time'.",
    "smart.M-target": "No numeric target.",
    "smart.M-target.fix": "Set the number to reach, e.g. target 1.5 (seconds).",
    "smart.M-unit": "The target {target} has no unit.",
    "smart.M-unit.fix": "Give the unit: s, %, tickets, users …",
    "smart.M-baseline": "No baseline: the client cannot see how far the target is from today.",
    "smart.M-baseline.fix": "Measure today's value and record it as the baseline.",
    "smart.M-direction.same": "The target equals the baseline ({target}): nothing changes.",
    "smart.M-direction.same.fix": (
        "Set a target different from today's value, or say 'keep at' if holding is the goal."
    ),
    "smart.M-direction.above": (
        "The statement says '{word}' but the target {target} is above the baseline {baseline}."
    ),
    "smart.M-direction.below": (
        "The statement says '{word}' but the target {target} is below the baseline {baseline}."
    ),
    "smart.M-direction.wrong.fix": "Swap target and baseline, or fix the verb.",
    "smart.A-stretch": (
        "From {baseline} to {target} is a change of more than {bound} times: not realistic in one "
        "step."
    ),
    "smart.A-stretch.fix": (
        "Set an intermediate target for this project and a later one for the rest."
    ),
    "smart.A-time": (
        "Only {left} working days are left until the deadline (at least {need} needed)."
    ),
    "smart.A-time.fix": "Move the deadline or cut the target to what fits.",
    "smart.A-capacity": (
        "The supported requirements need {effort} person-days, about {days} working days at the "
        "team's capacity, but only {left} are left."
    ),
    "smart.A-capacity.fix": "Move the deadline, add capacity or support fewer requirements.",
    "smart.R-supports": "The goal supports no requirement or objective.",
    "smart.R-supports.fix": "Link it to the requirement or business objective it serves.",
    "smart.R-unknown": "It supports {ids}, which the project does not have.",
    "smart.R-unknown.fix": "Link it to requirements or objectives that exist in the project.",
    "smart.T-deadline": "No deadline.",
    "smart.T-deadline.fix": "Set the calendar date by which the target is met.",
    "smart.T-past": "The deadline {deadline} is not after the status date {as_of}.",
    "smart.T-past.fix": "Agree a new date with the client and record why the old one passed.",
    "smart.T-after-end": "The deadline {deadline} is after the project ends ({end}).",
    "smart.T-after-end.fix": "Bring it within the project, or make it a goal of the next phase.",
    "smart.T-workday": "The deadline {deadline} is not a working day.",
    "smart.T-workday.fix": "Use the working day before it, {before}.",
    # Findings on acceptance criteria (clientpm.check_acceptance_criteria).
    "smart.AC-vague.fail": "Vague words ({shown}) with no number a tester could check.",
    "smart.AC-vague.fail.fix": (
        "Replace them with a measurable outcome, e.g. 'results show within 2 s'."
    ),
    "smart.AC-untestable": "Nothing observable: no number and no visible outcome.",
    "smart.AC-untestable.fix": "Say what a tester sees: 'Given …, when …, then the page shows …'.",
    "smart.AC-vague.warn": "Vague words ({shown}), though a number makes it checkable.",
    "smart.AC-vague.warn.fix": "Drop the vague words; the number says it.",
    "smart.AC-none": "No acceptance criteria: nothing says when it is done.",
    "smart.AC-none.fix": "Write two or three criteria the client can check at acceptance.",
}
