package importer

// importAPIGateway reads API Gateway's control-plane JSON.
func importAPIGateway(c *container) {}
