/** The demo's organisations, people, teams and policy, loaded on the {@code demo} profile: a leaf nobody imports. */
package org.gatehouse.demo;
