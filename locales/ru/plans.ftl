## plans
