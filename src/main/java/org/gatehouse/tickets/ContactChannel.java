package org.gatehouse.tickets;

/** Where a message comes from, and so where the answers go (C3): email is on by default, chat comes through the API. */
public enum ContactChannel { API, EMAIL, SLACK, TEAMS }
