package org.gatehouse.channels;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.gatehouse.platform.SingleLine;

@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable String id) {
        return channels.view(id);
    }

    /** A7: a member of either organisation adds a colleague of their own organisation. */
    @PostMapping("/{id}/members")
    ChannelView addMember(@PathVariable String id, @Valid @RequestBody NewMember member, Principal principal) {
        return channels.addMember(id, member.member(), member.organisation(), principal.getName());
    }

    @PutMapping("/{id}")
    ChannelView rename(@PathVariable String id, @Valid @RequestBody Rename rename, Principal principal) {
        return channels.rename(id, rename.name(), principal.getName());
    }

    @PostMapping("/{id}/archive")
    ChannelView archive(@PathVariable String id, Principal principal) {
        return channels.archive(id, principal.getName());
    }

    record Rename(@NotBlank @SingleLine String name) {
    }

    record NewMember(@NotBlank @Size(max = 200) @SingleLine String member, @NotBlank @Size(max = 64) String organisation) {
    }
}
