/**
 * What every feature stands on and that knows no feature: security and the engine's guards, engine configuration, input limits, errors as problem+json, the single-use link, configuration versions, and the interfaces through which features declare their rules and configuration.
 */
package org.gatehouse.platform;
