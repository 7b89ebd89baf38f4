using 'main.bicep'

param baseName = 'repat'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param factSetBlobName = 'repatriation.json'
param factSetRefreshSeconds = 60

// Who may publish the fact set: export FACTSET_PUBLISHER_PRINCIPAL_ID=$(az ad signed-in-user show --query id -o tsv)
param factSetPublisherPrincipalId = readEnvironmentVariable('FACTSET_PUBLISHER_PRINCIPAL_ID', '')
