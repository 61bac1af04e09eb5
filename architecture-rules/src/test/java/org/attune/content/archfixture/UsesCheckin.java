package org.attune.content.archfixture;

import org.attune.checkin.archfixture.CheckinThing;

/** Deliberately bad: reaches into another service's classes instead of its events. */
public class UsesCheckin {

    CheckinThing thing = new CheckinThing();
}
