package importer

// importServerless reads a Serverless Framework serverless.yml.
func importServerless(c *container) {}
