package org.gatehouse.tickets;

import static org.gatehouse.platform.ProcessVariables.string;
import static org.gatehouse.tickets.TicketProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.directory.Team;
import org.gatehouse.directory.TeamService;
import org.springframework.stereotype.Component;

/**
 * After the routing decision: the ticket goes to the team it named, whose group gets the handling task, or to triage
 * when it named none or one that does not exist. The triage form offers the teams as they are now.
 */
@Component("assignTicketTeam")
class AssignTicketTeamDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final TeamService teams;

    AssignTicketTeamDelegate(TicketService tickets, TeamService teams) {
        this.tickets = tickets;
        this.teams = teams;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(TICKET_ID);
        Optional<Team> team = tickets.route(id, string(execution, ROUTED_TEAM), TicketService.GATEHOUSE);
        execution.setVariable(TEAM_GROUP, team.map(Team::group).orElse(null));
        if (team.isPresent()) {
            SlaTimers.set(execution, tickets.get(id));
        } else {
            execution.setVariable(TEAM_OPTIONS, String.join(", ", teams.all().stream()
                    .map(t -> t.slug() + " (" + t.name() + ")").toList()));
        }
    }
}
