package org.attune.content.archfixture;

/** Fine: uses a class of its own module. */
public class UsesOwn {

    OwnHelper helper = new OwnHelper();
}
