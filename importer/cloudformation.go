package importer

// importCloudFormation reads a CloudFormation or SAM template.
func importCloudFormation(c *container) {}
