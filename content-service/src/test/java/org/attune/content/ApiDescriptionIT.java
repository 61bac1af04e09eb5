package org.attune.content;

import org.attune.testsupport.ApiDescriptionContract;
import org.springframework.context.annotation.Import;

@Import(TestClockConfig.class)
class ApiDescriptionIT extends ApiDescriptionContract {}
