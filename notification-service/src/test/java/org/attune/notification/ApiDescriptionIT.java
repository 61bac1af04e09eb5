package org.attune.notification;

import org.attune.testsupport.ApiDescriptionContract;

class ApiDescriptionIT extends ApiDescriptionContract {}
