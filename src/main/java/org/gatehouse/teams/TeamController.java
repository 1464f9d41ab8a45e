package org.gatehouse.teams;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** C8: teams, for experts (and admins); anyone else gets 403. */
@RestController
@RequestMapping("/api/teams")
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @PostMapping
    ResponseEntity<TeamView> create(@Valid @RequestBody TeamDraft draft, Principal principal) {
        TeamView team = teams.create(draft, principal.getName());
        return ResponseEntity.created(URI.create("/api/teams/" + team.slug())).body(team);
    }

    @GetMapping
    List<TeamView> list(Principal principal) {
        return teams.list(principal.getName());
    }

    @GetMapping("/{slug}")
    TeamView get(@PathVariable String slug, Principal principal) {
        return teams.view(slug, principal.getName());
    }

    @PutMapping("/{slug}")
    TeamView update(@PathVariable String slug, @Valid @RequestBody TeamDraft draft, Principal principal) {
        return teams.update(slug, draft, principal.getName());
    }

    @PutMapping("/{slug}/members/{personId}")
    TeamView addMember(@PathVariable String slug, @PathVariable String personId, Principal principal) {
        return teams.addMember(slug, personId, principal.getName());
    }

    @DeleteMapping("/{slug}/members/{personId}")
    TeamView removeMember(@PathVariable String slug, @PathVariable String personId, Principal principal) {
        return teams.removeMember(slug, personId, principal.getName());
    }
}
