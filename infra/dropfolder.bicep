// The drop folder's Event Grid subscription, deployed after the code (step 4 of infra/README.md): its webhook
// needs the host's blobs_extension system key, which exists only once the deployed worker has started.

targetScope = 'resourceGroup'

@description('Name of the function app (output functionAppName of main.bicep).')
param functionAppName string

@description('Name of the Event Grid system topic on the storage account (output eventGridSystemTopicName of main.bicep).')
param systemTopicName string

@description('The drop-folder container (JobsOptions.ManuscriptsContainer).')
param manuscriptsContainerName string = 'manuscripts'

@description('Where job uploads live inside the drop-folder container (ManuscriptProcessor.JobUploadPrefix); the job queue checks those.')
param jobUploadPrefix string = 'jobs/'

// Blob event subjects read /blobServices/default/containers/<container>/blobs/<blob name>.
var dropFolderSubject = '/blobServices/default/containers/${manuscriptsContainerName}/blobs/'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storageEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource dropFolder 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: storageEvents
  name: 'manuscripts-drop-folder'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The blobs extension's webhook, authorised by the host's system key (read at deployment, never output).
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.DropFolderTrigger&code=${listKeys('${functionApp.id}/host/default', functionApp.apiVersion).systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: dropFolderSubject
      // Event Grid has no "not begins with" on the subject filter itself; the advanced filter keeps job uploads
      // (checked through the queue) from reaching the drop folder, so they are never downloaded twice.
      advancedFilters: [
        {
          operatorType: 'StringNotBeginsWith'
          key: 'subject'
          values: [
            '${dropFolderSubject}${jobUploadPrefix}'
          ]
        }
      ]
    }
  }
}

output subscriptionName string = dropFolder.name
