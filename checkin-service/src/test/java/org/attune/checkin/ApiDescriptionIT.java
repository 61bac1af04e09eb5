package org.attune.checkin;

import org.attune.testsupport.ApiDescriptionContract;

class ApiDescriptionIT extends ApiDescriptionContract {}
