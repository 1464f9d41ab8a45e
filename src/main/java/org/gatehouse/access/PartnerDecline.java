package org.gatehouse.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PartnerDecline(@NotBlank @Size(max = 2000) String reason) {
}
