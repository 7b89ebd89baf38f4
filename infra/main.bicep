// The citation checker on Azure Functions Flex Consumption.
// Everything the app touches is reached with one user-assigned managed identity: the storage account
// refuses shared keys, and Application Insights ingestion is Entra ID only.

targetScope = 'resourceGroup'

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Short prefix for resource names: letters and digits only (the storage account name uses its lowercase form).')
@minLength(2)
@maxLength(10)
param baseName string = 'repat'

@description('Globally unique name of the function app (it becomes <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param functionAppName string = 'func-${baseName}-${uniqueString(resourceGroup().id, baseName)}'

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Name of the fact-set blob inside the fact-set container.')
param factSetBlobName string = 'repatriation.json'

@description('Seconds between conditional (ETag) checks for a new fact-set version.')
@minValue(5)
param factSetRefreshSeconds int = 60

@description('Object id of a user or group allowed to publish the fact set (Storage Blob Data Contributor). Empty: none.')
param factSetPublisherPrincipalId string = ''

@description('Kind of principal in factSetPublisherPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param factSetPublisherPrincipalType string = 'User'

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var token = uniqueString(resourceGroup().id, baseName)

// The names the code reads through FactSetOptions and JobsOptions; the app settings below point at these.
var factSetContainerName = 'factsets'
var manuscriptsContainerName = 'manuscripts'
var reportsContainerName = 'reports'
var jobsContainerName = 'jobs'
var deploymentContainerName = 'app-package'
var jobQueueName = 'manuscript-checks'

var blobContainerNames = [
  factSetContainerName
  manuscriptsContainerName
  reportsContainerName
  jobsContainerName
  deploymentContainerName
]

// The queue trigger moves a message here after maxDequeueCount failures; declaring it keeps it visible before the first failure.
var queueNames = [
  jobQueueName
  '${jobQueueName}-poison'
]

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${token}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${token}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Only Entra ID-authenticated telemetry (the app's identity, Monitoring Metrics Publisher) is accepted.
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  // Storage account names allow only lowercase letters and digits, at most 24 (uniqueString is already lowercase).
  name: take('st${toLower(baseName)}${token}', 24)
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in blobContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for name in queueNames: {
    parent: queueService
    name: name
  }
]

// The drop-folder blob trigger uses the Event Grid source (the only one Flex Consumption supports);
// its event subscription (dropfolder.bicep) is deployed after the code, because it needs the blobs_extension key.
resource storageEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-${baseName}-${token}'
  location: location
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${token}'
  location: location
}

// Blob Data Owner rather than Contributor: the blob trigger writes receipts and the host manages its own containers.
resource blobOwnerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.storageQueueDataContributor
    )
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.monitoringMetricsPublisher
    )
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Lets an editor run `facts publish` with their own az login; shared keys are off, so a data role is the only way in.
resource publisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(factSetPublisherPrincipalId)) {
  name: guid(storage.id, factSetPublisherPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.storageBlobDataContributor
    )
    principalId: factSetPublisherPrincipalId
    principalType: factSetPublisherPrincipalType
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}-${token}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: appIdentity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Host storage (triggers, keys, leases) through the identity, not a connection string.
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: appIdentity.properties.clientId
        }
        // FactSetOptions (section FactSet); ServiceUri and the app's identity replace ConnectionString.
        {
          name: 'FactSet__ServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'FactSet__Container'
          value: factSetContainerName
        }
        {
          name: 'FactSet__Blob'
          value: factSetBlobName
        }
        {
          name: 'FactSet__RefreshSeconds'
          value: string(factSetRefreshSeconds)
        }
        {
          // Polly: the overall time allowed for one refresh, and the circuit breaker around storage.
          name: 'FactSet__TimeoutSeconds'
          value: '15'
        }
        {
          name: 'FactSet__FailuresBeforeBreak'
          value: '3'
        }
        {
          name: 'FactSet__BreakSeconds'
          value: '30'
        }
        // JobsOptions (section Jobs).
        {
          name: 'Jobs__ManuscriptsContainer'
          value: manuscriptsContainerName
        }
        {
          name: 'Jobs__ReportsContainer'
          value: reportsContainerName
        }
        {
          name: 'Jobs__JobsContainer'
          value: jobsContainerName
        }
        {
          name: 'Jobs__Queue'
          value: jobQueueName
        }
        {
          // How long a manuscript's message stays hidden while it is checked, and how often it may be retried.
          name: 'Jobs__VisibilityTimeoutSeconds'
          value: '300'
        }
        {
          name: 'Jobs__MaxDequeueCount'
          value: '3'
        }
        {
          name: 'Jobs__MaxManuscripts'
          value: '1000'
        }
        {
          // Used only by `serve`, which polls where the function app is triggered; kept equal so both read alike.
          name: 'Jobs__PollSeconds'
          value: '1'
        }
        {
          name: 'Jobs__DropFolderPollSeconds'
          value: '5'
        }
        {
          // Hardening: the largest job request, how long a job route waits on storage before a 503 with Retry-After,
          // when a stranded pending marker gets its message again, and how many report bytes a job poll embeds.
          name: 'Jobs__MaxRequestBytes'
          value: '100000000'
        }
        {
          name: 'Jobs__StorageTimeoutSeconds'
          value: '5'
        }
        {
          name: 'Jobs__PendingResendSeconds'
          value: '3600'
        }
        {
          name: 'Jobs__MaxInlineReportBytes'
          value: '4194304'
        }
        // AzureCredentials (src/Repatriation.Storage) signs in with this identity directly; the worker's telemetry
        // exporter uses it too, as the authentication string below tells the host to.
        {
          name: 'AZURE_CLIENT_ID'
          value: appIdentity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${appIdentity.properties.clientId};Authorization=AAD'
        }
        // An 8 MB generation-0 budget. With the runtime's default (sized from the CPU cache) a 5 MB check request
        // held 15–20 times its size at peak, mostly garbage awaiting its first collection; with this, 7–8.5 times
        // (bench memory, docs/performance.md). The runtime reads this knob from the environment only.
        {
          name: 'DOTNET_GCgen0size'
          value: '0x800000'
        }
      ]
    }
  }
  // The host reads its storage and the fact set at start-up; without the roles it would start failing.
  dependsOn: [
    blobOwnerAssignment
    queueContributorAssignment
    metricsPublisherAssignment
    blobContainers
    queues
  ]
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output storageAccountName string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output eventGridSystemTopicName string = storageEvents.name
output factSetPublishHint string = empty(factSetPublisherPrincipalId)
  ? 'To run `facts publish`, give your account Storage Blob Data Contributor on ${storage.name} (or redeploy with factSetPublisherPrincipalId), then set FactSet__ServiceUri=${storage.properties.primaryEndpoints.blob}'
  : 'Set FactSet__ServiceUri=${storage.properties.primaryEndpoints.blob} and run `facts publish` after az login (role propagation can take a few minutes).'
