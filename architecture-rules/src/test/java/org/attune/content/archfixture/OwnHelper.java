package org.attune.content.archfixture;

/** A class of the module itself, which its other classes may use. */
public class OwnHelper {}
