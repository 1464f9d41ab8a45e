package org.gatehouse.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.gatehouse.audit.Trail.Line;
import org.gatehouse.audit.Trail.Rank;
import org.gatehouse.channels.NotificationProcess;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.springframework.stereotype.Component;

/**
 * A record's trail as the engine's history tells it: its process instances and the processes they called, every step,
 * every user task with who completed it (from the user operation log), every decision with its inputs and outputs,
 * every failed attempt of a job and every incident. Queried by process instance, on the history's indexes, so that a
 * trail costs the same however much history there is. Values of private variables are never read.
 */
@Component
@GatehouseEngineCalls
class EngineTrail {

    /** Not steps: a user task is told as a task; a gateway only chooses the path, which the next steps show. */
    private static final Set<String> NOT_STEPS = Set.of(ActivityTypes.TASK_USER_TASK, ActivityTypes.GATEWAY_EXCLUSIVE,
            ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_EVENT_BASED,
            ActivityTypes.GATEWAY_COMPLEX);
    /** How the operation log names a task's due date among the properties an operation changed. */
    private static final String DUE_DATE = "dueDate";
    /** After the steps of the same moment, in the order they come. */
    private static final long AFTER_STEPS = 1_000_000;

    private final HistoryService history;
    private final PrivateInputs privateInputs;

    EngineTrail(HistoryService history, PrivateInputs privateInputs) {
        this.history = history;
        this.privateInputs = privateInputs;
    }

    /**
     * The process instances of a record, oldest first: those with its id as business key (a second one started with
     * the same key too), the one the record is bound to, and every process they called, however deep.
     */
    public List<HistoricProcessInstance> instances(String processKey, String businessKey, String boundInstanceId) {
        Map<String, HistoricProcessInstance> own = new LinkedHashMap<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .list().forEach(instance -> own.put(instance.getId(), instance));
        if (boundInstanceId != null && !own.containsKey(boundInstanceId)) {
            HistoricProcessInstance bound = history.createHistoricProcessInstanceQuery().processInstanceId(boundInstanceId)
                    .singleResult();
            if (bound != null) {
                own.put(bound.getId(), bound);
            }
        }
        // called processes are found through their root, which the history indexes (the caller is not)
        Map<String, HistoricProcessInstance> related = new HashMap<>(own);
        own.values().stream().map(EngineTrail::root).distinct().forEach(root -> history.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(root).list().forEach(instance -> related.put(instance.getId(), instance)));
        return related.values().stream().filter(instance -> calledBy(instance, own.keySet(), related))
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
                        .thenComparing(HistoricProcessInstance::getId)).toList();
    }

    /** The instances running at {@code at}: started at or before it, not ended before it. */
    public List<HistoricProcessInstance> runningAt(Date at) {
        List<HistoricProcessInstance> running = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                .startedBefore(at).finishedAfter(at).list());
        running.addAll(history.createHistoricProcessInstanceQuery().startedBefore(at).unfinished().list());
        return running;
    }

    /** A page of the instances started from {@code from} to {@code to}, in the order they started. */
    public List<HistoricProcessInstance> startedBetween(Date from, Date to, int offset, int size) {
        return history.createHistoricProcessInstanceQuery().startedAfter(from).startedBefore(to)
                .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().listPage(offset, size);
    }

    /** These instances, those of them the history still has. */
    public List<HistoricProcessInstance> byIds(Set<String> ids) {
        return ids.isEmpty() ? List.of() : history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list();
    }

    /**
     * Everything the engine recorded of these instances. {@code fromRecord} gives the values of private variables
     * from the record's own tables, as its feature shows them; a decision input that reads a private variable shows
     * that value, or none.
     */
    public List<Line> lines(List<HistoricProcessInstance> instances, Map<String, Object> fromRecord) {
        List<Line> lines = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            lines.addAll(new InstanceLines(instance, fromRecord).read());
        }
        return lines;
    }

    /** What went wrong for these instances: each failed attempt of a job, each incident (of a message's sending). */
    public List<Line> failures(Collection<String> processInstanceIds) {
        List<Line> lines = new ArrayList<>();
        for (String id : processInstanceIds) {
            Process process = new Process(NotificationProcess.KEY, id);
            jobFailures(process, lines);
            incidents(process, lines);
        }
        return lines;
    }

    /** Which process a line is about. */
    private record Process(String key, String instanceId) {

        Details details() {
            return Details.with("processKey", key).and("processInstanceId", instanceId);
        }
    }

    /** The lines of one instance, steps numbered in the order they occurred so that a moment's lines keep it. */
    private final class InstanceLines {

        private final HistoricProcessInstance instance;
        private final Process process;
        private final Map<String, Object> fromRecord;
        private final List<Line> lines = new ArrayList<>();
        /** The place of each activity instance in the order of occurrence. */
        private final Map<String, Long> occurrence = new HashMap<>();
        /**
         * A task's due date as it was created, where someone changed it since (the operation log keeps the old value,
         * in milliseconds): its created line shows it as it was, the change is an operation of its own.
         */
        private final Map<String, String> dueAsCreated = new HashMap<>();

        InstanceLines(HistoricProcessInstance instance, Map<String, Object> fromRecord) {
            this.instance = instance;
            this.process = new Process(instance.getProcessDefinitionKey(), instance.getId());
            this.fromRecord = fromRecord;
        }

        List<Line> read() {
            start();
            steps();
            Map<String, String> completedBy = operations();
            tasks(completedBy);
            decisions();
            jobFailures(process, lines);
            incidents(process, lines);
            end();
            return lines;
        }

        private void start() {
            String key = instance.getBusinessKey() == null ? "" : " for " + instance.getBusinessKey();
            lines.add(new Line(entry(instance.getStartTime(), instance.getStartUserId(), "process",
                    "Process '" + process.key() + "' started" + key, process.details()
                            .and("businessKey", instance.getBusinessKey())
                            .and("processDefinitionId", instance.getProcessDefinitionId())
                            .and("calledBy", instance.getSuperProcessInstanceId())),
                    Rank.PROCESS_START, 0));
        }

        private void end() {
            if (instance.getEndTime() == null) {
                return;
            }
            lines.add(new Line(entry(instance.getEndTime(), null, "process", "Process '" + process.key() + "' ended ("
                    + instance.getState() + ")", process.details().and("state", instance.getState())
                            .and("deleteReason", instance.getDeleteReason())),
                    Rank.PROCESS_END, 0));
        }

        /**
         * Each step when it started; a step that waited (a timer, a message, a called process, a slow call) or was
         * canceled, again when it ended, as a line of its own: a line, once there, never changes, so that an export
         * that held it holds it as it was.
         */
        private void steps() {
            long seq = 0;
            for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                    .orderPartiallyByOccurrence().asc().list()) {
                seq += 10;
                occurrence.put(step.getId(), seq);
                if (NOT_STEPS.contains(step.getActivityType())) {
                    continue;
                }
                lines.add(new Line(entry(step.getStartTime(), null, "activity", label(step), step(step)
                        .and("calledProcessInstanceId", step.getCalledProcessInstanceId())), Rank.ENGINE, seq));
                if (step.getEndTime() != null && (step.isCanceled() || step.getEndTime().after(step.getStartTime()))) {
                    lines.add(new Line(entry(step.getEndTime(), null, "activity", label(step)
                            + (step.isCanceled() ? " canceled" : " ended"), step(step)
                                    .and("durationMs", step.getDurationInMillis())), Rank.ENGINE, seq + 5));
                }
            }
        }

        private Details step(HistoricActivityInstance step) {
            return process.details().and("activityId", step.getActivityId()).and("activityName", step.getActivityName())
                    .and("activityType", step.getActivityType());
        }

        /** Every user operation on the instance but a task's completion, which its task's end tells; who completed which task. */
        private Map<String, String> operations() {
            Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
            history.createUserOperationLogQuery().processInstanceId(instance.getId()).orderByTimestamp().asc().list()
                    .forEach(entry -> byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry));
            Map<String, String> completedBy = new HashMap<>();
            long seq = AFTER_STEPS;
            for (List<UserOperationLogEntry> operation : byOperation.values()) {
                UserOperationLogEntry first = operation.get(0);
                if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType())
                        && EntityTypes.TASK.equals(first.getEntityType()) && first.getTaskId() != null) {
                    completedBy.put(first.getTaskId(), first.getUserId());
                    continue;
                }
                Map<String, Object> changed = new LinkedHashMap<>();
                for (UserOperationLogEntry property : operation) {
                    if (property.getProperty() != null) {
                        // a variable's operation names the variable; its value is never the log's to show
                        changed.put(property.getProperty(), EntityTypes.VARIABLE.equals(property.getEntityType()) ? null
                                : Details.with("from", property.getOrgValue()).and("to", property.getNewValue()).map());
                    }
                    if (DUE_DATE.equals(property.getProperty()) && property.getTaskId() != null
                            && !dueAsCreated.containsKey(property.getTaskId())) {
                        dueAsCreated.put(property.getTaskId(), property.getOrgValue());
                    }
                }
                lines.add(new Line(entry(first.getTimestamp(), first.getUserId(), "operation",
                        first.getOperationType() + " " + first.getEntityType(), process.details()
                                .and("operationType", first.getOperationType()).and("entityType", first.getEntityType())
                                .and("taskId", first.getTaskId()).and("jobId", first.getJobId())
                                .and("annotation", first.getAnnotation())
                                .and("properties", changed.isEmpty() ? null : changed)),
                        Rank.PERSON, ++seq));
            }
            return completedBy;
        }

        private void tasks(Map<String, String> completedBy) {
            long seq = AFTER_STEPS * 2;
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().list()) {
                String name = "Task '" + (task.getName() == null ? task.getTaskDefinitionKey() : task.getName()) + "'";
                Details about = process.details().and("taskId", task.getId())
                        .and("taskDefinitionKey", task.getTaskDefinitionKey()).and("name", task.getName());
                String changedFrom = dueAsCreated.get(task.getId());
                Date due = !dueAsCreated.containsKey(task.getId()) ? task.getDueDate()
                        : changedFrom == null ? null : new Date(Long.parseLong(changedFrom));
                lines.add(new Line(entry(task.getStartTime(), null, "task", name + " created", about
                        .and("due", time(due))), Rank.ENGINE,
                        occurrence.getOrDefault(task.getActivityInstanceId(), ++seq)));
                if (task.getEndTime() == null) {
                    continue;
                }
                String completer = completedBy.get(task.getId());
                boolean completed = "completed".equals(task.getDeleteReason());
                String what = completed ? name + " completed" + (completer == null ? "" : " by " + completer)
                        : name + " ended: " + task.getDeleteReason();
                lines.add(new Line(entry(task.getEndTime(), completer, "task", what, process.details()
                        .and("taskId", task.getId()).and("taskDefinitionKey", task.getTaskDefinitionKey())
                        .and("completedBy", completer).and("assignee", task.getAssignee())
                        .and("deleteReason", task.getDeleteReason()).and("durationMs", task.getDurationInMillis())),
                        Rank.PERSON, ++seq));
            }
        }

        private void decisions() {
            for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instance.getId()).includeInputs().includeOutputs().list()) {
                List<Map<String, Object>> inputs = decision.getInputs().stream().map(input -> input(decision, input))
                        .toList();
                List<Map<String, Object>> outputs = decision.getOutputs().stream().map(EngineTrail::output).toList();
                String result = outputs.isEmpty() ? "no rule matched" : String.join(", ", decision.getOutputs().stream()
                        .map(o -> o.getVariableName() + " = " + o.getValue()).toList());
                String name = decision.getDecisionDefinitionName() == null ? decision.getDecisionDefinitionKey()
                        : decision.getDecisionDefinitionName();
                lines.add(new Line(entry(decision.getEvaluationTime(), decision.getUserId(), "decision",
                        "Decision '" + name + "': " + result, process.details()
                                .and("decisionKey", decision.getDecisionDefinitionKey())
                                .and("decisionInstanceId", decision.getId()).and("activityId", decision.getActivityId())
                                .and("inputs", inputs).and("outputs", outputs)),
                        Rank.ENGINE, occurrence.getOrDefault(decision.getActivityInstanceId(), AFTER_STEPS) + 1));
            }
        }

        /** An input as evaluated; one that reads a private variable takes its value from the record, or shows none. */
        private Map<String, Object> input(HistoricDecisionInstance decision, HistoricDecisionInputInstance input) {
            Map<String, Object> shown = Details.with("id", input.getClauseId()).and("label", input.getClauseName()).map();
            Set<String> reads = privateInputs.readBy(decision.getDecisionDefinitionId(), input.getClauseId());
            if (reads != null && reads.isEmpty()) {
                // null is a value here: the decision saw none (no NDA on file)
                shown.put("value", input.getValue());
                return shown;
            }
            Object value = reads == null || reads.size() != 1 ? null : fromRecord.get(reads.iterator().next());
            if (value == null) {
                shown.put("withheld", true);
            } else {
                shown.put("value", value);
                shown.put("source", "record");
            }
            return shown;
        }
    }

    private static Map<String, Object> output(HistoricDecisionOutputInstance output) {
        Map<String, Object> shown = Details.with("id", output.getClauseId()).and("label", output.getClauseName())
                .and("variable", output.getVariableName()).and("rule", output.getRuleId()).map();
        shown.put("value", output.getValue());
        return shown;
    }

    private void jobFailures(Process process, List<Line> lines) {
        long seq = AFTER_STEPS * 3;
        for (HistoricJobLog failure : history.createHistoricJobLogQuery().processInstanceId(process.instanceId())
                .failureLog().orderByTimestamp().asc().list()) {
            lines.add(new Line(entry(failure.getTimestamp(), null, "job-failure", "Attempt at '"
                    + failure.getActivityId() + "' failed: " + failure.getJobExceptionMessage(), process.details()
                            .and("jobId", failure.getJobId()).and("activityId", failure.getActivityId())
                            .and("retries", failure.getJobRetries()).and("message", failure.getJobExceptionMessage())),
                    Rank.ENGINE, ++seq));
        }
    }

    private void incidents(Process process, List<Line> lines) {
        long seq = AFTER_STEPS * 4;
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(process.instanceId())
                .orderByCreateTime().asc().list()) {
            Details about = process.details().and("incidentId", incident.getId())
                    .and("incidentType", incident.getIncidentType()).and("activityId", incident.getActivityId())
                    .and("message", incident.getIncidentMessage());
            lines.add(new Line(entry(incident.getCreateTime(), null, "incident", "Incident at '" + incident.getActivityId()
                    + "': " + incident.getIncidentMessage(), about), Rank.ENGINE, ++seq));
            if (incident.getEndTime() != null) {
                String how = incident.isResolved() ? "resolved" : "deleted";
                lines.add(new Line(entry(incident.getEndTime(), null, "incident", "Incident at '"
                        + incident.getActivityId() + "' " + how, process.details().and("incidentId", incident.getId())
                                .and("activityId", incident.getActivityId())), Rank.ENGINE, ++seq));
            }
        }
    }

    /** How an auditor names a step: what it is, then its name in the model. */
    private static String label(HistoricActivityInstance step) {
        String type = step.getActivityType().toLowerCase(Locale.ROOT);
        String kind = type.contains("timer") ? "Timer"
                : type.contains("message") || type.contains("signal") ? "Message"
                : type.contains("startevent") ? "Start"
                : type.contains("endevent") ? "End"
                : type.equals("businessruletask") ? "Decision step"
                : type.equals("callactivity") ? "Called process"
                : type.equals("subprocess") ? "Sub-process"
                : type.endsWith("task") ? "Step"
                : step.getActivityType();
        return kind + " '" + (step.getActivityName() == null ? step.getActivityId() : step.getActivityName()) + "'";
    }

    private static boolean calledBy(HistoricProcessInstance instance, Set<String> own,
            Map<String, HistoricProcessInstance> related) {
        for (HistoricProcessInstance at = instance; at != null; at = related.get(at.getSuperProcessInstanceId())) {
            if (own.contains(at.getId())) {
                return true;
            }
        }
        return false;
    }

    private static String root(HistoricProcessInstance instance) {
        return instance.getRootProcessInstanceId() == null ? instance.getId() : instance.getRootProcessInstanceId();
    }

    private static TrailEntry entry(Date at, String actor, String kind, String what, Details details) {
        return new TrailEntry(time(at), actor, kind, what, details.map());
    }

    /** The engine's moments in UTC, as Gatehouse's own tables keep theirs. */
    static LocalDateTime time(Date at) {
        return at == null ? null : LocalDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC);
    }
}
