package org.gatehouse;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.gatehouse.channels.NotificationProcess;

/**
 * Drives the engine the way the job executor and the users would, with the engine's clock: no sleeping, no waiting.
 */
public final class ProcessDriver {

    private final ProcessEngine engine;
    private final ManagementService management;
    private final IdentityService identity;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
        this.management = engine.getManagementService();
        this.identity = engine.getIdentityService();
    }

    /**
     * Runs the instance's jobs that are due now, as the job executor would, until none is left; then sends the
     * messages they wrote (process {@code notification}), as the job executor would too.
     */
    public void runJobs(String processInstanceId) {
        drain(() -> management.createJobQuery().processInstanceId(processInstanceId), "Process instance " + processInstanceId);
        drain(() -> management.createJobQuery().processDefinitionKey(NotificationProcess.KEY), "Sending messages");
    }

    private void drain(Supplier<JobQuery> jobs, String what) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = jobs.get().executable().list();
            if (due.isEmpty()) {
                return;
            }
            // a job run before may end the scope of another one listed with it (a process that closes takes its timers)
            due.stream().filter(job -> management.createJobQuery().jobId(job.getId()).count() > 0)
                    .forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError(what + " keeps creating jobs");
    }

    /**
     * Runs the instance's jobs as the job executor would, failures included: a failing job is tried again at its next
     * retry (the engine clock moves on to it) until it succeeds or runs out of retries, when it holds an incident.
     * Timers are left alone. Returns how many attempts failed.
     */
    public int runJobsThroughFailures(String processInstanceId) {
        int failures = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> left = management.createJobQuery().processInstanceId(processInstanceId).messages().withRetriesLeft()
                    .list();
            if (left.isEmpty()) {
                return failures;
            }
            for (Job job : left) {
                if (management.createJobQuery().jobId(job.getId()).withRetriesLeft().count() == 0) {
                    continue;
                }
                if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
                }
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    failures++;
                }
            }
        }
        throw new AssertionError("Process instance " + processInstanceId + " keeps creating jobs");
    }

    /** Moves the engine clock to the timer's due date and lets everything that is due run. */
    public void fireTimer(String processInstanceId, String activityId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
                .singleResult();
        if (timer == null) {
            throw new AssertionError("No timer waits at " + activityId);
        }
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        runJobs(processInstanceId);
    }

    /** The running instance whose business key is its domain record's id. */
    public ProcessInstance instance(String businessKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).rootProcessInstances().singleResult();
        if (instance == null) {
            throw new AssertionError("No instance with the business key " + businessKey + " is running");
        }
        return instance;
    }

    public Job job(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    /** Runs {@code work} as a signed-in user, with their groups, as Tasklist and the REST API do. */
    public <T> T as(String user, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void as(String user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the job waiting at {@code activityId} now, as {@code user}, whether or not it is due. */
    public void executeJob(String user, String processInstanceId, String activityId) {
        as(user, () -> management.executeJob(job(processInstanceId, activityId).getId()));
    }

    public void complete(Task task, String user, Map<String, Object> variables) {
        as(user, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    /**
     * Runs the job waiting at {@code activityId}, which must fail each time, through all its retries (moving the
     * engine clock on to each retry), as the job executor would: the instance then holds an incident there.
     */
    public Incident failUntilIncident(String processInstanceId, String activityId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Job job = job(processInstanceId, activityId);
            if (job == null) {
                throw new AssertionError("No job waits at " + activityId);
            }
            if (job.getRetries() == 0) {
                return engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId)
                        .activityId(activityId).singleResult();
            }
            if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
            }
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                continue;
            }
            throw new AssertionError("The job at " + activityId + " succeeded");
        }
        throw new AssertionError("The job at " + activityId + " keeps being retried");
    }

    /**
     * The duration a model gives an activity as its input parameter {@code input}, as the process owner set it in
     * Modeler: tests hold the process to its model, not to a number of their own.
     */
    public Duration inputDuration(String processDefinitionId, String activityId, String input) {
        return Duration.parse(element(processDefinitionId, activityId).getExtensionElements()
                .getElementsQuery().filterByType(CamundaInputOutput.class)
                .singleResult().getCamundaInputParameters().stream().filter(p -> p.getCamundaName().equals(input))
                .map(CamundaInputParameter::getTextContent).findFirst()
                .orElseThrow(() -> new AssertionError(activityId + " has no input parameter " + input)).strip());
    }

    /** How long the model's timer event waits (its {@code timeDuration}), as the process owner set it. */
    public Duration timerDuration(String processDefinitionId, String eventId) {
        return Duration.parse(element(processDefinitionId, eventId).getChildElementsByType(TimerEventDefinition.class)
                .iterator().next().getTimeDuration().getTextContent().strip());
    }

    /** The latest deployed definition of the process: what a new instance runs. */
    public String latestDefinition(String processKey) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
    }

    private BaseElement element(String processDefinitionId, String id) {
        BaseElement element = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId)
                .getModelElementById(id);
        if (element == null) {
            throw new AssertionError("The model " + processDefinitionId + " has no element " + id);
        }
        return element;
    }

    /** How long after its creation a task is due, to the second: the engine reads its clock for each. */
    public static Duration dueIn(Task task) {
        return Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant()).truncatedTo(ChronoUnit.SECONDS);
    }

    public static void resetClock() {
        ClockUtil.reset();
    }
}
