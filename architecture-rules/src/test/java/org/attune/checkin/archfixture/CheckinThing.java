package org.attune.checkin.archfixture;

/** Stands for a class of another service. */
public class CheckinThing {}
